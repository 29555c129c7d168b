package dev.berth.core.internal.transport;

import dev.berth.EngineUnavailableException;
import java.util.List;
import java.util.Locale;

/**
 * What went wrong when ssh or the remote docker CLI exited badly, with a fix. ssh exits 255 for its own failures
 * (refused, unknown host key, no usable credential); 127 is a shell's "command not found"; anything else came from
 * {@code docker system dial-stdio} on the remote side.
 */
record SshFailure(String step, int exitCode, String stderr) {

    EngineUnavailableException toException(String url, String source, Throwable cause) {
        String reason = stderr.isBlank() ? "(ssh printed nothing)" : stderr.strip();
        String message = "Cannot reach the Docker engine at " + url + " (from " + source + "): " + step
                + " exited with " + exitCode + ":\n  " + reason.replace("\n", "\n  ") + "\nFix: " + fix(url);
        return new EngineUnavailableException(message, List.of(url + " (" + source + "): " + summary()), cause);
    }

    String summary() {
        String firstLine = stderr.strip().lines().reduce((a, b) -> b).orElse("no message");
        return step + " exited with " + exitCode + ": " + firstLine;
    }

    private String fix(String url) {
        String text = stderr.toLowerCase(Locale.ROOT);
        String target = url.substring("ssh://".length());
        if (exitCode == 255) {
            if (text.contains("host key verification failed") || text.contains("host key for")
                    || text.contains("remote host identification has changed")) {
                return "ssh does not know (or no longer trusts) this host's key, and Berth never turns host key"
                        + " checking off. Connect once with `ssh " + target + "` and accept the key after checking"
                        + " it, add it to known_hosts (ssh-keyscan), or pass"
                        + " DockerSettings.sshOptions(\"-o\", \"UserKnownHostsFile=/path/known_hosts\").";
            }
            if (text.contains("permission denied") || text.contains("too many authentication failures")) {
                return "ssh could not log in without asking (Berth runs ssh with BatchMode, so there is no password"
                        + " prompt). Load your key into ssh-agent, or pass DockerSettings.sshOptions(\"-i\","
                        + " \"/path/key\") or an ssh config with DockerSettings.sshOptions(\"-F\", \"/path/config\");"
                        + " check that the user in the address may log in.";
            }
            return "check that the host and port are right and that sshd runs and is reachable there (`ssh " + target
                    + " docker version` should work from this machine).";
        }
        if (exitCode == 127 || text.contains("command not found") || text.contains("docker: not found")) {
            return "the remote host has no `docker` command on the PATH of a non-interactive ssh session. Install the"
                    + " docker CLI there (it must support `docker system dial-stdio`, Docker 18.09+).";
        }
        return "`docker system dial-stdio` failed on the remote host: check that the engine runs there and that this"
                + " user may use it (`ssh " + target + " docker version`).";
    }
}
