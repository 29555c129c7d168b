package dev.berth;

import java.time.Duration;

/** A terminal session on a container ({@code docker attach} / {@code run -it}). */
public interface Attachment extends AutoCloseable {
    /**
     * Blocks until the container's process ends; returns its exit code.
     *
     * @param timeout how long to wait
     * @return the exit code
     * @throws WaitTimeoutException when it is still running after the timeout
     */
    int awaitExit(Duration timeout);

    /**
     * Resizes the container's TTY, as a terminal window resize does.
     *
     * @param columns the terminal width
     * @param rows the terminal height
     * @throws ContainerNotRunningException when the container is not running
     */
    void resize(int columns, int rows);

    /** Leaves the container running and stops streaming (the detach keys ctrl-p ctrl-q). */
    void detach();

    /** Same as {@link #detach()}. */
    @Override
    void close();
}
