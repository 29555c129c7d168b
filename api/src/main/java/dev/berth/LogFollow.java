package dev.berth;

/** A running log follow; close it to stop receiving lines. */
public interface LogFollow extends AutoCloseable {
    /**
     * Blocks until the log stream ends (the container stopped), this follow is closed, or the timeout passes. A
     * stream that broke fails here with a typed error: {@link EngineConnectionLostException} (engine restarted,
     * connection cut: follow again with {@code LogOptions.since(...)}) or {@link DockerClosedException}.
     */
    void awaitEnd(java.time.Duration timeout);

    @Override
    void close();
}
