package dev.berth;

import java.util.function.Consumer;

/** A container's output: {@code docker logs}. */
public interface Logs {
    /** Everything so far. */
    LogSnapshot all();

    /** The last n lines, like {@code docker logs --tail n}. */
    LogSnapshot tail(int n);

    LogSnapshot fetch(LogOptions options);

    /** Sends every line from now on (and earlier ones the options select) to the consumer, until closed. */
    LogFollow follow(LogOptions options, Consumer<LogLine> consumer);

    default LogFollow follow(Consumer<LogLine> consumer) {
        return follow(LogOptions.all().tail(0), consumer);
    }
}
