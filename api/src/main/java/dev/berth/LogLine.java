package dev.berth;

import java.time.Instant;

/** One line of container output, without its line terminator. {@code timestamp} is set when asked for. */
public record LogLine(Stream stream, String text, Instant timestamp) {
    /** Which output stream a line came from. */
    public enum Stream {
        /** The process's standard output. */
        STDOUT,
        /** The process's standard error (with a TTY everything is STDOUT). */
        STDERR
    }

    @Override
    public String toString() {
        return (timestamp == null ? "" : timestamp + " ") + text;
    }
}
