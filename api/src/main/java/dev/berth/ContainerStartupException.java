package dev.berth;

import java.util.List;

/**
 * A container did not become ready: it exited while being waited for, or the wait timed out. Carries what is needed
 * to see why: the exit code, the OOM flag and the last log lines. The container has been removed unless it was
 * started by {@code start()} on an existing handle.
 */
public class ContainerStartupException extends DockerException {
    private final Integer exitCode;
    private final boolean oomKilled;
    private final List<String> lastLogLines;

    /**
     * @param message why the container is not ready
     * @param exitCode the exit code, or null when it was still running
     * @param oomKilled whether it was (probably) killed for memory
     * @param lastLogLines its last log lines, oldest first
     */
    public ContainerStartupException(String message, Integer exitCode, boolean oomKilled, List<String> lastLogLines) {
        super(message + formatLogs(lastLogLines));
        this.exitCode = exitCode;
        this.oomKilled = oomKilled;
        this.lastLogLines = List.copyOf(lastLogLines);
    }

    private static String formatLogs(List<String> lines) {
        if (lines.isEmpty()) {
            return "\n(no log output)";
        }
        StringBuilder text = new StringBuilder("\nLast ").append(lines.size()).append(" log lines:");
        lines.forEach(line -> text.append("\n  | ").append(line));
        return text.toString();
    }

    /**
     * The exit code when the container exited, null when it was still running (timeout).
     *
     * @return the exit code, or null
     */
    public Integer exitCode() {
        return exitCode;
    }

    /**
     * True when the engine reported an OOM kill, or when the container died of SIGKILL (137) under a memory limit
     * where the engine did not say (the message then says "probably out of memory").
     *
     * @return whether it ran out of memory
     */
    public boolean oomKilled() {
        return oomKilled;
    }

    /**
     * The container's last log lines ({@code docker logs --tail}), taken before it was removed.
     *
     * @return the lines, oldest first
     */
    public List<String> lastLogLines() {
        return lastLogLines;
    }
}
