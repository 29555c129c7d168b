package dev.berth;

import java.time.Duration;

/** A terminal session on a container ({@code docker attach} / {@code run -it}). */
public interface Attachment extends AutoCloseable {
    /** Blocks until the container's process ends; returns its exit code. */
    int awaitExit(Duration timeout);

    /** Resizes the container's TTY, as a terminal window resize does. */
    void resize(int columns, int rows);

    /** Leaves the container running and stops streaming (the detach keys ctrl-p ctrl-q). */
    void detach();

    /** Same as {@link #detach()}. */
    @Override
    void close();
}
