package dev.berth;

import java.util.List;

/** A build step failed: which step, the error line, and the end of the build log. */
public class BuildFailedException extends DockerException {
    private final String step;
    private final String error;
    private final List<String> logTail;

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

    /** The Dockerfile instruction that failed, e.g. "RUN make", as the builder printed it. */
    public String step() {
        return step;
    }

    public String error() {
        return error;
    }

    public List<String> logTail() {
        return logTail;
    }
}
