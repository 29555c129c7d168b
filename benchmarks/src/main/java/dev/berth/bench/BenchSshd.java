package dev.berth.bench;

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
 * An OpenSSH server on 127.0.0.1 with keys made here (as core's SshEngineTest makes one), plus what a client needs:
 * an ssh config (key, known_hosts) and a folder with an {@code ssh} wrapper that adds {@code -F config}, to put first
 * on the docker CLI's PATH. The remote docker CLI targets this process's DOCKER_HOST engine (sshd SetEnv).
 */
final class BenchSshd implements AutoCloseable {
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    final Path dir;
    final int port;
    final Path clientConfig;
    /** Holds an {@code ssh} that runs the real one with {@link #clientConfig}. */
    final Path wrapperDir;
    private final Process process;

    private BenchSshd(Path dir, int port, Path clientConfig, Path wrapperDir, Process process) {
        this.dir = dir;
        this.port = port;
        this.clientConfig = clientConfig;
        this.wrapperDir = wrapperDir;
        this.process = process;
    }

    static BenchSshd start() throws Exception {
        if (!Files.isExecutable(SSHD)) {
            throw new IllegalStateException(SSHD + " is missing: install openssh-server (`apt-get install -y"
                    + " openssh-server`, as core's SshEngineTest does when run as root).");
        }
        Path dir = Files.createTempDirectory("berth-bench-sshd-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("host_key").toString());
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("client_key").toString());
        Files.copy(dir.resolve("client_key.pub"), dir.resolve("authorized_keys"));
        Files.createDirectories(Path.of("/run/sshd"));
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        List<String> config = new ArrayList<>(List.of("Port " + port, "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("host_key"), "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PermitRootLogin prohibit-password", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
                "UsePAM no", "StrictModes no", "PidFile none", "MaxSessions 100", "MaxStartups 100"));
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            config.add("SetEnv DOCKER_HOST=" + dockerHost);
        }
        Files.write(dir.resolve("sshd_config"), config);
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        awaitListening(process, port);
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + port + " " + Files.readString(dir.resolve("host_key.pub")));
        Path clientConfig = dir.resolve("ssh_config");
        Files.writeString(clientConfig, "Host *\n  IdentityFile " + dir.resolve("client_key")
                + "\n  IdentitiesOnly yes\n  UserKnownHostsFile " + knownHosts + "\n");
        Path wrapperDir = Files.createDirectories(dir.resolve("bin"));
        Path wrapper = wrapperDir.resolve("ssh");
        Files.writeString(wrapper, "#!/bin/sh\nexec " + realSsh() + " -F " + clientConfig + " \"$@\"\n");
        wrapper.toFile().setExecutable(true);
        return new BenchSshd(dir, port, clientConfig, wrapperDir, process);
    }

    String url() {
        return "ssh://root@127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String realSsh() {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, "ssh"))) {
                return Path.of(d, "ssh").toString();
            }
        }
        throw new IllegalStateException("no ssh on PATH");
    }

    private static void awaitListening(Process process, int port) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("sshd did not start on port " + port);
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }
}
