package dev.berth.core.internal.wait;

/** One wait condition being polled. {@link #poll()} never blocks for long; {@link #progress()} says what it saw. */
interface WaitCheck extends AutoCloseable {
    boolean poll();

    /** Nanoseconds until this check wants to be polled again. */
    long delayNanos();

    /** The last thing that kept the condition from holding, for the timeout message. */
    String progress();

    /** The check's own deadline (System.nanoTime based). */
    long deadline();

    String describe();

    @Override
    default void close() {
    }
}
