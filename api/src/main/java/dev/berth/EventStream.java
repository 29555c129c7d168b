package dev.berth;

/** A running {@code docker events} subscription; close it to stop. */
public interface EventStream extends AutoCloseable {
    @Override
    void close();
}
