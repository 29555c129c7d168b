package dev.berth;

import java.time.Duration;

/**
 * {@code update_config} / {@code rollback_config}: how many tasks change at once, the pause between batches, what a
 * failure does ({@code pause}, {@code continue}, {@code rollback}), how long a new task is watched, the failure
 * ratio tolerated, and {@code stop-first} or {@code start-first}.
 */
public record UpdateConfig(int parallelism, Duration delay, String failureAction, Duration monitor,
        double maxFailureRatio, String order) {
    public UpdateConfig {
        if (parallelism < 0) {
            throw new InvalidSpecException("update parallelism", parallelism, "cannot be negative",
                    "use 1 (one task at a time) or 0 (all at once)");
        }
        if (failureAction != null && !java.util.Set.of("pause", "continue", "rollback").contains(failureAction)) {
            throw new InvalidSpecException("update failure action", failureAction,
                    "the engine knows pause, continue and rollback", "use one of those");
        }
        if (order != null && !order.equals("stop-first") && !order.equals("start-first")) {
            throw new InvalidSpecException("update order", order, "the engine knows stop-first and start-first",
                    "use one of those");
        }
    }

    /** One task at a time, engine defaults for the rest. */
    public static UpdateConfig rolling() {
        return new UpdateConfig(1, null, null, null, 0, null);
    }

    public UpdateConfig parallelism(int tasks) {
        return new UpdateConfig(tasks, delay, failureAction, monitor, maxFailureRatio, order);
    }

    public UpdateConfig delay(Duration pause) {
        return new UpdateConfig(parallelism, pause, failureAction, monitor, maxFailureRatio, order);
    }

    public UpdateConfig failureAction(String action) {
        return new UpdateConfig(parallelism, delay, action, monitor, maxFailureRatio, order);
    }

    public UpdateConfig monitor(Duration watch) {
        return new UpdateConfig(parallelism, delay, failureAction, watch, maxFailureRatio, order);
    }

    public UpdateConfig maxFailureRatio(double ratio) {
        return new UpdateConfig(parallelism, delay, failureAction, monitor, ratio, order);
    }

    /** {@code start-first}: the new task starts before the old one stops. */
    public UpdateConfig startFirst() {
        return new UpdateConfig(parallelism, delay, failureAction, monitor, maxFailureRatio, "start-first");
    }
}
