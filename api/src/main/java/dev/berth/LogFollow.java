package dev.berth;

/** A running log follow; close it to stop receiving lines. */
public interface LogFollow extends AutoCloseable {
    /**
     * Blocks until the log stream ends (the container stopped) or this follow is closed.
     *
     * @param timeout how long to wait at most
     */
    void awaitEnd(java.time.Duration timeout);

    @Override
    void close();
}
