package dev.berth;

import java.time.Duration;

/**
 * {@code restart_policy}: when a task's container exits, whether and how soon the swarm replaces it
 * ({@code docker service create --restart-condition --restart-delay --restart-max-attempts --restart-window}).
 *
 * @param condition {@code none}, {@code on-failure} or {@code any}
 * @param delay the pause before a restart, null for the engine's default
 * @param maxAttempts how many restarts at most (0 = unlimited)
 * @param window the time window {@code maxAttempts} is counted in, null for unbounded
 */
public record ServiceRestart(String condition, Duration delay, int maxAttempts, Duration window) {
    /**
     * Checks the condition.
     *
     * @param condition see {@link #condition()}
     * @param delay see {@link #delay()}
     * @param maxAttempts see {@link #maxAttempts()}
     * @param window see {@link #window()}
     * @throws InvalidSpecException when the condition is not none, on-failure or any
     */
    public ServiceRestart {
        if (!java.util.Set.of("none", "on-failure", "any").contains(condition)) {
            throw new InvalidSpecException("restart condition", condition,
                    "the engine knows none, on-failure and any", "use one of those");
        }
    }

    /**
     * {@code --restart-condition on-failure --restart-max-attempts N}: a task that exits non-zero is replaced.
     *
     * @param maxAttempts how many restarts at most (0 = unlimited)
     * @return the policy
     */
    public static ServiceRestart onFailure(int maxAttempts) {
        return new ServiceRestart("on-failure", null, maxAttempts, null);
    }

    /**
     * {@code --restart-condition none}: an exited task is not replaced.
     *
     * @return the policy
     */
    public static ServiceRestart never() {
        return new ServiceRestart("none", null, 0, null);
    }
}
