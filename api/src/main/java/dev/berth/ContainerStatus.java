package dev.berth;

import java.util.Locale;

/** The engine's container states. */
public enum ContainerStatus {
    /** Created ({@code docker create}) and never started. */
    CREATED,
    /** Running ({@code docker ps} lists it). */
    RUNNING,
    /** Frozen by {@code docker pause}. */
    PAUSED,
    /** Being restarted by its restart policy. */
    RESTARTING,
    /** Being removed. */
    REMOVING,
    /** Exited ({@code docker ps -a} shows "Exited (code)"). */
    EXITED,
    /** Dead: the engine could not remove it completely. */
    DEAD,
    /** A state this version of Berth does not know. */
    UNKNOWN;

    /**
     * Reads the engine's word ({@code .State.Status}).
     *
     * @param text e.g. "running"; null allowed
     * @return the status, {@link #UNKNOWN} for null or an unknown word
     */
    public static ContainerStatus parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /**
     * The engine's word for it.
     *
     * @return e.g. "running"
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
