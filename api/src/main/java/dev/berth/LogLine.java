package dev.berth;

import java.time.Instant;

/** One line of container output, without its line terminator. {@code timestamp} is set when asked for. */
public record LogLine(Stream stream, String text, Instant timestamp) {
    public enum Stream { STDOUT, STDERR }

    @Override
    public String toString() {
        return (timestamp == null ? "" : timestamp + " ") + text;
    }
}
