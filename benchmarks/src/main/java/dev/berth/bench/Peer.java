package dev.berth.bench;

/** One contender in a benchmark: does the whole measured operation once per call. */
interface Peer extends AutoCloseable {
    String name();

    void runOnce() throws Exception;

    @Override
    default void close() throws Exception {
    }
}
