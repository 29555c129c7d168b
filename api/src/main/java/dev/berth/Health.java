package dev.berth;

import java.util.Locale;

/** Health of a container that has a health check; NONE when it has none. */
public enum Health {
    /** No health check. */
    NONE,
    /** The check has not passed yet (start period). */
    STARTING,
    /** The last checks passed. */
    HEALTHY,
    /** The check failed its retries. */
    UNHEALTHY;

    /**
     * Reads the engine's word ({@code .State.Health.Status}).
     *
     * @param text e.g. "healthy"; null or empty for none
     * @return the health
     */
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
