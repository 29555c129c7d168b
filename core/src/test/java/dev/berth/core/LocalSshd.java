package dev.berth.core;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenSSH server on 127.0.0.1 for tests: own host key, own client key, own config, all in one temporary
 * folder; root may log in by key only. The "remote" docker CLI it runs targets the same engine as the tests
 * (sshd's SetEnv passes this process's DOCKER_HOST on, as a remote host's admin would configure it). Installs
 * openssh-server when sshd is missing and we are root; otherwise fails with what to do.
 */
final class LocalSshd implements AutoCloseable {
    static final Path SSHD = Path.of("/usr/sbin/sshd");

    final Path dir;
    final int port;
    /** The same server, where the remote side has no docker on PATH. */
    final int noDockerPort;
    /** A client config (key, known_hosts) for {@code ssh -F}. */
    final Path clientConfig;
    /** A key the server does not accept. */
    final Path strangerKey;
    final Path knownHosts;
    final Path clientKey;
    private final Process process;

    private LocalSshd(Path dir, int port, int noDockerPort, Path clientConfig, Path strangerKey, Path knownHosts,
            Path clientKey,
            Process process) {
        this.dir = dir;
        this.port = port;
        this.noDockerPort = noDockerPort;
        this.clientConfig = clientConfig;
        this.strangerKey = strangerKey;
        this.knownHosts = knownHosts;
        this.clientKey = clientKey;
        this.process = process;
    }

    static LocalSshd start() throws Exception {
        installIfMissing();
        Path dir = Files.createTempDirectory("berth-sshd-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "berth-test-host", "-f",
                    dir.resolve("host_key").toString());
            run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "berth-test-client", "-f",
                    dir.resolve("client_key").toString());
            run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "berth-test-stranger", "-f",
                    dir.resolve("stranger_key").toString());
            Files.copy(dir.resolve("client_key.pub"), dir.resolve("authorized_keys"));
            // sshd needs its privilege separation folder; Debian's package creates it only when the service starts.
            Files.createDirectories(Path.of("/run/sshd"));
            int port = freePort();
            List<String> config = new ArrayList<>(List.of(
                    "Port " + port,
                    "ListenAddress 127.0.0.1",
                    "HostKey " + dir.resolve("host_key"),
                    "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                    "PermitRootLogin prohibit-password",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "UsePAM no",
                    // the keys live under /tmp (world-writable): StrictModes would reject the folder chain
                    "StrictModes no",
                    "PidFile none"));
            String dockerHost = System.getenv("DOCKER_HOST");
            if (dockerHost != null && !dockerHost.isBlank()) {
                config.add("SetEnv DOCKER_HOST=" + dockerHost);
            }
            // A second port is a remote host without docker: the command runs with a PATH where there is none.
            int noDockerPort = freePort();
            config.add(1, "Port " + noDockerPort);
            config.add("Match LocalPort " + noDockerPort);
            config.add("    ForceCommand env PATH=/nowhere /bin/sh -c \"$SSH_ORIGINAL_COMMAND\"");
            Path sshdConfig = dir.resolve("sshd_config");
            Files.write(sshdConfig, config);
            Path log = dir.resolve("sshd.log");
            Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", sshdConfig.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            awaitListening(process, port, log);
            Path knownHosts = dir.resolve("known_hosts");
            Files.writeString(knownHosts, "[127.0.0.1]:" + port + " "
                    + Files.readString(dir.resolve("host_key.pub")));
            Path clientConfig = dir.resolve("ssh_config");
            Files.writeString(clientConfig, "Host *\n"
                    + "  IdentityFile " + dir.resolve("client_key") + "\n"
                    + "  IdentitiesOnly yes\n"
                    + "  UserKnownHostsFile " + knownHosts + "\n");
            Files.writeString(knownHosts, "[127.0.0.1]:" + noDockerPort + " "
                    + Files.readString(dir.resolve("host_key.pub")), java.nio.file.StandardOpenOption.APPEND);
            return new LocalSshd(dir, port, noDockerPort, clientConfig, dir.resolve("stranger_key"), knownHosts,
                    dir.resolve("client_key"), process);
        } catch (Exception e) {
            delete(dir);
            throw e;
        }
    }

    String url() {
        return "ssh://root@127.0.0.1:" + port;
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("sshd.log"));
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        delete(dir);
    }

    private static void installIfMissing() throws Exception {
        if (Files.isExecutable(SSHD)) {
            return;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException(SSHD + " is missing and this test is not running as root, so it cannot"
                    + " install it. Install the Debian package openssh-server (`sudo apt-get install -y"
                    + " openssh-server`) and run the tests again.");
        }
        // The package's own service is not started here (no init in this environment); the test runs its own sshd.
        if (!runQuietly("apt-get", "install", "-y", "-q", "openssh-server")) {
            run("apt-get", "update", "-q");
            run("apt-get", "install", "-y", "-q", "openssh-server");
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(Process process, int port, Path log) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd exited with " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("sshd did not listen on 127.0.0.1:" + port + " within 20 s:\n"
                + Files.readString(log));
    }

    static void run(String... command) throws Exception {
        Process p = quiet(new ProcessBuilder(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "):\n" + out);
        }
    }

    private static boolean runQuietly(String... command) throws Exception {
        Process p = quiet(new ProcessBuilder(command)).redirectErrorStream(true).redirectOutput(
                ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor() == 0;
    }

    /** No input and no questions: apt's configuration step must not wait for an answer. */
    private static ProcessBuilder quiet(ProcessBuilder builder) {
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        return builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
