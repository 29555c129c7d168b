package dev.berth;

import java.time.Duration;

/** {@code restart_policy}: when a task's container exits, whether and how soon the swarm replaces it. */
public record ServiceRestart(String condition, Duration delay, int maxAttempts, Duration window) {
    public ServiceRestart {
        if (!java.util.Set.of("none", "on-failure", "any").contains(condition)) {
            throw new InvalidSpecException("restart condition", condition,
                    "the engine knows none, on-failure and any", "use one of those");
        }
    }

    public static ServiceRestart onFailure(int maxAttempts) {
        return new ServiceRestart("on-failure", null, maxAttempts, null);
    }

    public static ServiceRestart never() {
        return new ServiceRestart("none", null, 0, null);
    }
}
