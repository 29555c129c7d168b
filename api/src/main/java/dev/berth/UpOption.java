package dev.berth;

import java.time.Duration;
import java.util.Objects;

/**
 * An option of {@code stacks().up(spec, options...)}, as a value rather than a boolean parameter:
 * {@code up(spec, UpOption.waitUntilReady(Duration.ofMinutes(2)), UpOption.removeOrphans())}.
 */
public final class UpOption {
    private final Duration waitTimeout;
    private final boolean removeOrphans;

    private UpOption(Duration waitTimeout, boolean removeOrphans) {
        this.waitTimeout = waitTimeout;
        this.removeOrphans = removeOrphans;
    }

    /**
     * {@code docker compose up -d --wait --wait-timeout}: {@code up} returns only when every service is running,
     * healthy (when it has a health check) or, for a one-shot service others need with
     * {@code service_completed_successfully}, exited with 0. Otherwise a {@link StackNotReadyException} names the
     * service (the stack is left as it is, to be inspected or taken down).
     *
     * @param timeout how long to wait at most
     * @return the option
     * @throws InvalidSpecException when the timeout is null, zero or negative
     */
    public static UpOption waitUntilReady(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new InvalidSpecException("wait timeout", timeout, "the timeout must be positive",
                    "e.g. Duration.ofMinutes(2)");
        }
        return new UpOption(timeout, false);
    }

    /**
     * {@code docker compose up --remove-orphans}: removes containers of the project whose service is no longer in the file.
     *
     * @return the option
     */
    public static UpOption removeOrphans() {
        return new UpOption(null, true);
    }

    /**
     * The {@code --wait-timeout} of {@link #waitUntilReady}.
     *
     * @return the wait timeout, or null when this option is not a wait
     */
    public Duration waitTimeout() {
        return waitTimeout;
    }

    /**
     * Whether this is {@link #removeOrphans()}.
     *
     * @return true for {@code --remove-orphans}
     */
    public boolean isRemoveOrphans() {
        return removeOrphans;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UpOption other && Objects.equals(waitTimeout, other.waitTimeout)
                && removeOrphans == other.removeOrphans;
    }

    @Override
    public int hashCode() {
        return Objects.hash(waitTimeout, removeOrphans);
    }

    @Override
    public String toString() {
        return removeOrphans ? "removeOrphans" : "waitUntilReady(" + waitTimeout + ")";
    }
}
