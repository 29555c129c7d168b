package dev.berth;

import java.util.Locale;

/** Health of a container that has a health check; NONE when it has none. */
public enum Health {
    NONE, STARTING, HEALTHY, UNHEALTHY;

    public static Health parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return NONE;
        }
    }
}
