package dev.berth;

import java.util.List;
import java.util.stream.Collectors;

/** Log lines read at one moment. Prints as the text. */
public record LogSnapshot(List<LogLine> lines) {
    /**
     * Copies the collections, so the value cannot change.
     *
     * @param lines see {@link #lines()}
     */
    public LogSnapshot {
        lines = List.copyOf(lines);
    }

    /**
     * All lines, one per row, stdout and stderr interleaved as the engine delivered them.
     *
     * @return the text, lines joined by newlines
     */
    public String text() {
        return join(null);
    }

    /**
     * The stdout lines only.
     *
     * @return the text, lines joined by newlines
     */
    public String stdout() {
        return join(LogLine.Stream.STDOUT);
    }

    /**
     * The stderr lines only.
     *
     * @return the text, lines joined by newlines
     */
    public String stderr() {
        return join(LogLine.Stream.STDERR);
    }

    /**
     * Each line's text, in order.
     *
     * @return the lines
     */
    public List<String> texts() {
        return lines.stream().map(LogLine::text).toList();
    }

    private String join(LogLine.Stream only) {
        return lines.stream()
                .filter(line -> only == null || line.stream() == only)
                .map(LogLine::toString)
                .collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return text();
    }
}
