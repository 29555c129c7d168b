package dev.berth;

import java.time.Duration;
import java.util.List;

/** A container health check (HEALTHCHECK). {@code cmd} runs via exec form; {@code shell} via /bin/sh -c. */
public record HealthCheck(List<String> test, Duration interval, Duration timeout, int retries, Duration startPeriod) {
    public HealthCheck {
        test = List.copyOf(test);
        if (test.isEmpty()) {
            throw new InvalidSpecException("health check", test, "a health check needs a command", null);
        }
        if (retries < 0) {
            throw new InvalidSpecException("health check retries", retries, "retries must not be negative", null);
        }
    }

    public static HealthCheck cmd(String... command) {
        return new HealthCheck(prefixed("CMD", command), Duration.ofSeconds(1), Duration.ofSeconds(5), 3, Duration.ZERO);
    }

    public static HealthCheck shell(String command) {
        return new HealthCheck(List.of("CMD-SHELL", command), Duration.ofSeconds(1), Duration.ofSeconds(5), 3,
                Duration.ZERO);
    }

    public HealthCheck interval(Duration value) {
        return new HealthCheck(test, value, timeout, retries, startPeriod);
    }

    public HealthCheck timeout(Duration value) {
        return new HealthCheck(test, interval, value, retries, startPeriod);
    }

    public HealthCheck retries(int value) {
        return new HealthCheck(test, interval, timeout, value, startPeriod);
    }

    public HealthCheck startPeriod(Duration value) {
        return new HealthCheck(test, interval, timeout, retries, value);
    }

    private static List<String> prefixed(String first, String... rest) {
        var all = new java.util.ArrayList<String>();
        all.add(first);
        all.addAll(List.of(rest));
        return all;
    }
}
