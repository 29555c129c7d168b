package dev.berth;

import java.util.List;

/** A service did not converge in time: carries the failing task's error and its last log lines. */
public class ServiceConvergenceException extends DockerException {
    private final String service;
    private final String taskError;
    private final List<String> lastLogLines;

    public ServiceConvergenceException(String service, String message, String taskError, List<String> lastLogLines) {
        super(message + (lastLogLines.isEmpty() ? "\n(no log output)"
                : "\nLast " + lastLogLines.size() + " log lines:\n  | " + String.join("\n  | ", lastLogLines)));
        this.service = service;
        this.taskError = taskError;
        this.lastLogLines = List.copyOf(lastLogLines);
    }

    public String service() {
        return service;
    }

    /** The failing task's error as the engine states it, empty when tasks did not fail but were too slow. */
    public String taskError() {
        return taskError;
    }

    public List<String> lastLogLines() {
        return lastLogLines;
    }
}
