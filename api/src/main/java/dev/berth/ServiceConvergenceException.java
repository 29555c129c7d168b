package dev.berth;

import java.util.List;

/** A service did not converge in time: carries the failing task's error and its last log lines. */
public class ServiceConvergenceException extends DockerException {
    private final String service;
    private final String taskError;
    private final List<String> lastLogLines;

    /**
     * Creates the exception; the message gets the last log lines appended.
     *
     * @param service the service name
     * @param message what did not converge
     * @param taskError the failing task's error, empty when none
     * @param lastLogLines the failing task's last log lines
     */
    public ServiceConvergenceException(String service, String message, String taskError, List<String> lastLogLines) {
        super(message + (lastLogLines.isEmpty() ? "\n(no log output)"
                : "\nLast " + lastLogLines.size() + " log lines:\n  | " + String.join("\n  | ", lastLogLines)));
        this.service = service;
        this.taskError = taskError;
        this.lastLogLines = List.copyOf(lastLogLines);
    }

    /**
     * The service that did not converge.
     *
     * @return its name
     */
    public String service() {
        return service;
    }

    /**
     * The failing task's error as the engine states it ({@code docker service ps --no-trunc}'s ERROR).
     *
     * @return the error, empty when tasks did not fail but were too slow
     */
    public String taskError() {
        return taskError;
    }

    /**
     * The failing task's last log lines ({@code docker service logs --tail 50 TASK}).
     *
     * @return the lines, oldest first; empty when no task failed
     */
    public List<String> lastLogLines() {
        return lastLogLines;
    }
}
