package dev.berth;

import java.util.List;

/** A build step failed: which step, the error line, and the end of the build log. */
public class BuildFailedException extends DockerException {
    private final String step;
    private final String error;
    private final List<String> logTail;

    /**
     * Made by the engine implementation when a build step fails.
     *
     * @param step the failing Dockerfile instruction as the builder printed it, or null when unknown
     * @param error the builder's error line
     * @param logTail the last lines of build output
     */
    public BuildFailedException(String step, String error, List<String> logTail) {
        super("Build failed at " + (step == null ? "an unknown step" : "'" + step + "'") + ": " + error
                + formatTail(logTail));
        this.step = step;
        this.error = error;
        this.logTail = List.copyOf(logTail);
    }

    private static String formatTail(List<String> lines) {
        StringBuilder text = new StringBuilder();
        if (!lines.isEmpty()) {
            text.append("\nLast build output:");
            lines.forEach(line -> text.append("\n  | ").append(line));
        }
        return text.toString();
    }

    /**
     * The Dockerfile instruction that failed, e.g. "RUN make", as the builder printed it.
     *
     * @return the step, or null when the builder did not say
     */
    public String step() {
        return step;
    }

    /**
     * The builder's error, e.g. "The command '/bin/sh -c make' returned a non-zero code: 2".
     *
     * @return the error line
     */
    public String error() {
        return error;
    }

    /**
     * The last lines of build output before the failure ({@code docker build}'s output).
     *
     * @return the lines, oldest first
     */
    public List<String> logTail() {
        return logTail;
    }
}
