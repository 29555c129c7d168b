package dev.berth.core.internal.wait;

import java.time.Duration;

/** Poll delays: start fast, grow by half each time up to a cap; or a fixed interval when the user asked for one. */
final class Backoff {
    private final long capNanos;
    private final boolean fixed;
    private long next;

    Backoff(Duration first, Duration cap, Duration fixedInterval) {
        this.fixed = fixedInterval != null;
        this.next = fixed ? fixedInterval.toNanos() : first.toNanos();
        this.capNanos = fixed ? next : cap.toNanos();
    }

    static Backoff hostSide(Duration fixed) {
        return new Backoff(Duration.ofMillis(5), Duration.ofMillis(50), fixed);
    }

    static Backoff engineSide(Duration fixed) {
        return new Backoff(Duration.ofMillis(20), Duration.ofMillis(100), fixed);
    }

    long nextNanos() {
        long current = next;
        if (!fixed) {
            next = Math.min(capNanos, next + next / 2);
        }
        return current;
    }
}
