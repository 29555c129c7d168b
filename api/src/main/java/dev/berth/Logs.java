package dev.berth;

import java.util.function.Consumer;

/** A container's output: {@code docker logs}. */
public interface Logs {
    /**
     * Everything so far: {@code docker logs}.
     *
     * @return the lines of both streams
     * @throws ContainerNotFoundException when the container is gone
     */
    LogSnapshot all();

    /**
     * The last n lines, like {@code docker logs --tail n}.
     *
     * @param n the number of lines from the end
     * @return those lines
     * @throws ContainerNotFoundException when the container is gone
     */
    LogSnapshot tail(int n);

    /**
     * The lines the options select: {@code docker logs --tail --since --timestamps}.
     *
     * @param options tail, since, timestamps and streams
     * @return those lines
     * @throws ContainerNotFoundException when the container is gone
     */
    LogSnapshot fetch(LogOptions options);

    /**
     * Sends the lines the options select (the history first) and then every new line to the consumer, until the
     * container stops or the returned follow is closed: {@code docker logs -f} with those options.
     *
     * @param options tail, since, timestamps and streams
     * @param consumer called once per line, on a background thread
     * @return the running follow; close it to stop
     * @throws ContainerNotFoundException when the container is gone
     */
    LogFollow follow(LogOptions options, Consumer<LogLine> consumer);

    /**
     * {@code docker logs -f}: replays every line written so far, then sends new ones as they come, as the CLI
     * does. Use {@link #followNew(Consumer)} to see only what comes after this call.
     *
     * @param consumer called once per line, on a background thread
     * @return the running follow; close it to stop
     * @throws ContainerNotFoundException when the container is gone
     */
    default LogFollow follow(Consumer<LogLine> consumer) {
        return follow(LogOptions.all(), consumer);
    }

    /**
     * {@code docker logs -f --tail 0}: only the lines written after this call, none of the history.
     *
     * @param consumer called once per line, on a background thread
     * @return the running follow; close it to stop
     * @throws ContainerNotFoundException when the container is gone
     */
    default LogFollow followNew(Consumer<LogLine> consumer) {
        return follow(LogOptions.all().tail(0), consumer);
    }
}
