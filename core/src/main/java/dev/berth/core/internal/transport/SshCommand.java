package dev.berth.core.internal.transport;

import dev.berth.EngineUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The OpenSSH command lines Berth runs for an ssh:// engine. The user's options come first because ssh keeps the
 * first value it reads for an option: theirs override Berth's defaults. Berth's defaults are BatchMode (a library
 * must never wait on a password prompt nobody sees) and a connect timeout; host keys stay checked by ssh as
 * configured. With a control path, every connection is a session on one master connection instead of a new
 * handshake.
 */
public record SshCommand(Path ssh, List<String> userOptions, SshDestination destination, Path controlPath,
        Duration connectTimeout) {
    public SshCommand {
        userOptions = List.copyOf(userOptions);
    }

    /** The remote command, as the docker CLI runs it: the remote docker CLI relays stdin/stdout to its engine. */
    static final List<String> DIAL_STDIO = List.of("docker", "system", "dial-stdio");

    /** Whether the user's options take over connection sharing (then Berth adds none of its own). */
    public static boolean userControlsMultiplexing(List<String> userOptions) {
        return userOptions.stream().anyMatch(o -> o.toLowerCase(java.util.Locale.ROOT).contains("controlmaster")
                || o.toLowerCase(java.util.Locale.ROOT).contains("controlpath"));
    }

    /** The {@code ssh} executable on PATH, or a clear error saying how to get one. */
    public static Path find(Map<String, String> env, String url) {
        // an environment given for resolution without PATH (e.g. only DOCKER_HOST) still finds the system's ssh
        String path = env.containsKey("PATH") ? env.get("PATH") : System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String name : List.of("ssh", "ssh.exe")) { // Windows ships OpenSSH as ssh.exe
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new EngineUnavailableException("Engine address " + url + " needs the OpenSSH client `ssh`, and there is"
                + " none on PATH (" + path + "). Fix: install it (`apt-get install openssh-client`, `dnf install"
                + " openssh-clients`, or Windows' OpenSSH client) or add its folder to PATH.",
                List.of(url + ": no ssh on PATH"), null);
    }

    /** One connection: a session running {@code docker system dial-stdio}, over the master when there is one. */
    public List<String> dialStdio() {
        List<String> command = start();
        if (controlPath != null) {
            command.addAll(List.of("-o", "ControlMaster=no", "-o", "ControlPath=" + controlPath));
        }
        command.add("-T");
        target(command);
        command.addAll(DIAL_STDIO);
        return command;
    }

    /**
     * The shared connection: authenticates, then (ControlPersist) leaves a master in the background and exits 0, or
     * exits 255 with ssh's reason. The master ends 60 s after its last session, so a crashed JVM leaves nothing for
     * long; {@link #exitMaster()} ends it at once.
     */
    public List<String> master() {
        List<String> command = start();
        command.addAll(List.of("-o", "ControlMaster=yes", "-o", "ControlPath=" + controlPath,
                "-o", "ControlPersist=60", "-N", "-T"));
        target(command);
        return command;
    }

    public List<String> exitMaster() {
        List<String> command = start();
        command.addAll(List.of("-o", "ControlPath=" + controlPath, "-O", "exit"));
        target(command);
        return command;
    }

    private List<String> start() {
        List<String> command = new ArrayList<>();
        command.add(ssh.toString());
        command.addAll(userOptions);
        command.addAll(List.of("-o", "BatchMode=yes",
                "-o", "ConnectTimeout=" + Math.max(1, (connectTimeout.toMillis() + 999) / 1000)));
        return command;
    }

    private void target(List<String> command) {
        if (destination.user() != null) {
            command.addAll(List.of("-l", destination.user()));
        }
        if (destination.port() != -1) {
            command.addAll(List.of("-p", String.valueOf(destination.port())));
        }
        command.add("--");
        command.add(destination.host());
    }
}
