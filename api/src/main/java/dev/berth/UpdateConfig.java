package dev.berth;

import java.time.Duration;

/**
 * {@code update_config} / {@code rollback_config}: how many tasks change at once, the pause between batches, what a
 * failure does ({@code pause}, {@code continue}, {@code rollback}), how long a new task is watched, the failure
 * ratio tolerated, and {@code stop-first} or {@code start-first}. Maps to {@code docker service create/update
 * --update-*} (or {@code --rollback-*}).
 *
 * @param parallelism tasks changed at once ({@code --update-parallelism}; 0 = all)
 * @param delay the pause between batches ({@code --update-delay}), null for the engine's default
 * @param failureAction {@code pause}, {@code continue} or {@code rollback} ({@code --update-failure-action}), null for
 *     the engine's default
 * @param monitor how long each new task is watched for failure ({@code --update-monitor}), null for the default
 * @param maxFailureRatio the share of failed tasks tolerated ({@code --update-max-failure-ratio})
 * @param order {@code stop-first} or {@code start-first} ({@code --update-order}), null for the default
 */
public record UpdateConfig(int parallelism, Duration delay, String failureAction, Duration monitor,
        double maxFailureRatio, String order) {
    /**
     * Checks the values.
     *
     * @param parallelism see {@link #parallelism()}
     * @param delay see {@link #delay()}
     * @param failureAction see {@link #failureAction()}
     * @param monitor see {@link #monitor()}
     * @param maxFailureRatio see {@link #maxFailureRatio()}
     * @param order see {@link #order()}
     * @throws InvalidSpecException when parallelism is negative, or the failure action or order is unknown
     */
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

    /**
     * One task at a time, engine defaults for the rest.
     *
     * @return the config
     */
    public static UpdateConfig rolling() {
        return new UpdateConfig(1, null, null, null, 0, null);
    }

    /**
     * {@code --update-parallelism N}.
     *
     * @param tasks tasks changed at once (0 = all)
     * @return a copy with this change
     * @throws InvalidSpecException when negative
     */
    public UpdateConfig parallelism(int tasks) {
        return new UpdateConfig(tasks, delay, failureAction, monitor, maxFailureRatio, order);
    }

    /**
     * {@code --update-delay}.
     *
     * @param pause the pause between batches
     * @return a copy with this change
     */
    public UpdateConfig delay(Duration pause) {
        return new UpdateConfig(parallelism, pause, failureAction, monitor, maxFailureRatio, order);
    }

    /**
     * {@code --update-failure-action pause|continue|rollback}.
     *
     * @param action what a failed update does
     * @return a copy with this change
     * @throws InvalidSpecException when the action is not one of those
     */
    public UpdateConfig failureAction(String action) {
        return new UpdateConfig(parallelism, delay, action, monitor, maxFailureRatio, order);
    }

    /**
     * {@code --update-monitor}.
     *
     * @param watch how long each new task is watched for failure
     * @return a copy with this change
     */
    public UpdateConfig monitor(Duration watch) {
        return new UpdateConfig(parallelism, delay, failureAction, watch, maxFailureRatio, order);
    }

    /**
     * {@code --update-max-failure-ratio}.
     *
     * @param ratio the share of failed tasks tolerated, 0 to 1
     * @return a copy with this change
     */
    public UpdateConfig maxFailureRatio(double ratio) {
        return new UpdateConfig(parallelism, delay, failureAction, monitor, ratio, order);
    }

    /**
     * {@code --update-order start-first}: the new task starts before the old one stops.
     *
     * @return a copy with this change
     */
    public UpdateConfig startFirst() {
        return new UpdateConfig(parallelism, delay, failureAction, monitor, maxFailureRatio, "start-first");
    }
}
