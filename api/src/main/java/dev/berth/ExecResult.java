package dev.berth;

/**
 * What an exec returned ({@code docker exec}): the exit code and everything the command wrote to stdout and
 * stderr. {@link #toString()} shows the exit code and both streams, each cut to its first
 * {@value #SHOWN_LINES} lines so a chatty command stays readable in jshell and in logs; the accessors are whole.
 */
public record ExecResult(int exitCode, String stdout, String stderr) {
    /** Lines of each stream that {@link #toString()} shows. */
    public static final int SHOWN_LINES = 20;
    private static final int SHOWN_CHARS = 4000;

    public boolean succeeded() {
        return exitCode == 0;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + shown("stdout", stdout) + shown("stderr", stderr);
    }

    private static String shown(String stream, String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            return "";
        }
        var lines = stripped.lines().toList();
        String head = String.join("\n", lines.subList(0, Math.min(SHOWN_LINES, lines.size())));
        String more = "";
        if (head.length() > SHOWN_CHARS) {
            head = head.substring(0, SHOWN_CHARS);
            more = "\n… (" + (stripped.length() - SHOWN_CHARS) + " more characters)";
        } else if (lines.size() > SHOWN_LINES) {
            more = "\n… (" + (lines.size() - SHOWN_LINES) + " more lines)";
        }
        return "\n" + stream + ":" + (lines.size() == 1 && more.isEmpty() ? " " : "\n") + head + more;
    }
}
