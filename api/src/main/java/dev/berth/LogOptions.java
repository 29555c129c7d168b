package dev.berth;

import java.time.Instant;

/** Which log lines to read: {@code docker logs --tail --since --timestamps}, and which streams. */
public record LogOptions(int tail, Instant since, boolean timestamps, boolean stdout, boolean stderr) {
    /**
     * Every line of both streams ({@code docker logs}).
     *
     * @return the options
     */
    public static LogOptions all() {
        return new LogOptions(-1, null, false, true, true);
    }

    /**
     * The last n lines; negative for all.
     *
     * {@code docker logs --tail n}.
     *
     * @param n the number of lines
     * @return new options; these are unchanged
     */
    public LogOptions tail(int n) {
        return new LogOptions(n, since, timestamps, stdout, stderr);
    }

    /**
     * {@code docker logs --since TIME}.
     *
     * @param from the earliest instant
     * @return new options; these are unchanged
     */
    public LogOptions since(Instant from) {
        return new LogOptions(tail, from, timestamps, stdout, stderr);
    }

    /**
     * {@code docker logs --timestamps}: each {@link LogLine} gets its timestamp.
     *
     * @return new options; these are unchanged
     */
    public LogOptions withTimestamps() {
        return new LogOptions(tail, since, true, stdout, stderr);
    }

    /**
     * Only stdout ({@code docker logs 2>/dev/null}).
     *
     * @return new options; these are unchanged
     */
    public LogOptions stdoutOnly() {
        return new LogOptions(tail, since, timestamps, true, false);
    }

    /**
     * Only stderr ({@code docker logs >/dev/null}).
     *
     * @return new options; these are unchanged
     */
    public LogOptions stderrOnly() {
        return new LogOptions(tail, since, timestamps, false, true);
    }
}
