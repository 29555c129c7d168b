package dev.berth;

import java.util.function.Consumer;

/** A container's output: {@code docker logs}. */
public interface Logs {
    /** Everything so far: {@code docker logs}. */
    LogSnapshot all();

    /** The last n lines, like {@code docker logs --tail n}. */
    LogSnapshot tail(int n);

    /** The lines the options select: {@code docker logs --tail --since --timestamps}. */
    LogSnapshot fetch(LogOptions options);

    /**
     * Sends the lines the options select (the history first) and then every new line to the consumer, until the
     * container stops or the returned follow is closed: {@code docker logs -f} with those options.
     */
    LogFollow follow(LogOptions options, Consumer<LogLine> consumer);

    /**
     * {@code docker logs -f}: replays every line written so far, then sends new ones as they come, as the CLI
     * does. Use {@link #followNew(Consumer)} to see only what comes after this call.
     */
    default LogFollow follow(Consumer<LogLine> consumer) {
        return follow(LogOptions.all(), consumer);
    }

    /** {@code docker logs -f --tail 0}: only the lines written after this call, none of the history. */
    default LogFollow followNew(Consumer<LogLine> consumer) {
        return follow(LogOptions.all().tail(0), consumer);
    }
}
