package dev.berth;

import java.time.Instant;

/** Which log lines to read: {@code docker logs --tail --since --timestamps}, and which streams. */
public record LogOptions(int tail, Instant since, boolean timestamps, boolean stdout, boolean stderr) {
    public static LogOptions all() {
        return new LogOptions(-1, null, false, true, true);
    }

    /** The last n lines; negative for all. */
    public LogOptions tail(int n) {
        return new LogOptions(n, since, timestamps, stdout, stderr);
    }

    public LogOptions since(Instant from) {
        return new LogOptions(tail, from, timestamps, stdout, stderr);
    }

    public LogOptions withTimestamps() {
        return new LogOptions(tail, since, true, stdout, stderr);
    }

    public LogOptions stdoutOnly() {
        return new LogOptions(tail, since, timestamps, true, false);
    }

    public LogOptions stderrOnly() {
        return new LogOptions(tail, since, timestamps, false, true);
    }
}
