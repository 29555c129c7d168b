package dev.berth.core.internal.engine;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The engine's RFC 3339 timestamps, as every collection reads them. */
public final class Timestamps {
    private Timestamps() {
    }

    /** The engine writes "0001-01-01T00:00:00Z" for "never"; that becomes null, as does anything unreadable. */
    public static Instant parse(String text) {
        if (text == null || text.isEmpty() || text.startsWith("0001-")) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
