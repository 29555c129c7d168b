package dev.berth.core.internal.wait;

import dev.berth.ContainerNotRunningException;
import dev.berth.Health;
import dev.berth.InvalidSpecException;
import dev.berth.LogFollow;
import dev.berth.LogOptions;
import dev.berth.Wait;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The checks behind each {@link Wait} kind: the factory, the shared base, and the checks that ask the engine (logs,
 * health, exec, exit). Checks from the host are in {@link HostChecks}, all/any in {@link CompositeChecks}.
 */
final class WaitChecks {
    private WaitChecks() {
    }

    static WaitCheck of(WaitTarget container, Wait wait, ExitWatch exit, long parentDeadline) {
        long deadline = Math.min(parentDeadline, System.nanoTime() + wait.timeout().toNanos());
        if (wait instanceof Wait.Log w) {
            return new LogCheck(container, w, deadline);
        } else if (wait instanceof Wait.Port w) {
            return new HostChecks.PortCheck(container, w, deadline);
        } else if (wait instanceof Wait.Http w) {
            return new HostChecks.HttpCheck(container, w, deadline);
        } else if (wait instanceof Wait.Healthy w) {
            return new HealthyCheck(container, w, deadline);
        } else if (wait instanceof Wait.Exec w) {
            return new ExecCheck(container, w, deadline);
        } else if (wait instanceof Wait.Exited w) {
            return new ExitedCheck(w, exit, deadline);
        } else if (wait instanceof Wait.All w) {
            return new CompositeChecks.AllCheck(container, w, exit, deadline);
        } else if (wait instanceof Wait.Any w) {
            return new CompositeChecks.AnyCheck(container, w, exit, deadline);
        }
        throw new IllegalArgumentException("unknown wait " + wait);
    }

    static boolean waitsForExit(Wait wait) {
        if (wait instanceof Wait.Exited) {
            return true;
        }
        if (wait instanceof Wait.All all) {
            return all.waits().stream().anyMatch(WaitChecks::waitsForExit);
        }
        if (wait instanceof Wait.Any any) {
            return any.waits().stream().anyMatch(WaitChecks::waitsForExit);
        }
        return false;
    }

    /** Shared state: the description, deadline, backoff and last progress. */
    abstract static class Base implements WaitCheck {
        final WaitTarget container;
        final Backoff backoff;
        private final long deadline;
        private final String description;
        volatile String progress = "not checked yet";

        Base(WaitTarget container, Wait wait, long deadline, Backoff backoff) {
            this.container = container;
            this.deadline = deadline;
            this.description = wait.toString();
            this.backoff = backoff;
        }

        @Override
        public long delayNanos() {
            return backoff.nextNanos();
        }

        @Override
        public String progress() {
            return progress;
        }

        @Override
        public long deadline() {
            return deadline;
        }

        @Override
        public String describe() {
            return description;
        }
    }

    /**
     * Follows the log from the beginning and counts matching lines as they arrive. A follow whose stream broke (a
     * short engine outage, a cut connection) is opened again from the last timestamp seen, skipping what was
     * already counted: without that the wait reported a timeout although the line had arrived.
     */
    static final class LogCheck extends Base {
        private static final int MAX_REOPENS = 5;
        private final AtomicInteger matches = new AtomicInteger();
        private final int times;
        private final Wait.Log wait;
        private volatile java.time.Instant lastSeen;
        private LogFollow follow;
        private int reopens;

        LogCheck(WaitTarget container, Wait.Log wait, long deadline) {
            super(container, wait, deadline, Backoff.hostSide(null));
            this.times = wait.times();
            this.wait = wait;
            this.follow = open(LogOptions.all().withTimestamps());
        }

        private LogFollow open(LogOptions options) {
            java.time.Instant after = lastSeen;
            return container.logs().follow(options, line -> {
                if (after != null && line.timestamp() != null && !line.timestamp().isAfter(after)) {
                    return; // counted before the stream broke
                }
                if (line.timestamp() != null) {
                    lastSeen = line.timestamp();
                }
                if (wait.pattern().matcher(line.text()).find()) {
                    matches.incrementAndGet();
                }
            });
        }

        @Override
        public boolean poll() {
            int seen = matches.get();
            progress = seen + " of " + times + " matching lines";
            if (seen >= times) {
                return true;
            }
            if (follow instanceof FollowHealth health && health.failure() != null) {
                reopen(health.failure());
            }
            return false;
        }

        private void reopen(Throwable failure) {
            if (++reopens > MAX_REOPENS) {
                follow.awaitEnd(java.time.Duration.ZERO); // throws the typed error of the last break
            }
            follow.close();
            java.time.Instant from = lastSeen;
            LogOptions options = from == null ? LogOptions.all().withTimestamps()
                    : LogOptions.all().since(from).withTimestamps();
            try {
                follow = open(options);
            } catch (dev.berth.DockerException e) {
                e.addSuppressed(failure);
                throw e;
            }
            progress = matches.get() + " of " + times + " matching lines (log stream reopened after: "
                    + failure.getMessage() + ")";
        }

        @Override
        public void close() {
            follow.close();
        }
    }


    static final class HealthyCheck extends Base {
        HealthyCheck(WaitTarget container, Wait.Healthy wait, long deadline) {
            super(container, wait, deadline, Backoff.engineSide(wait.pollEvery()));
        }

        @Override
        public boolean poll() {
            Health health = container.inspect().health();
            if (health == Health.NONE) {
                throw new InvalidSpecException("wait", "healthy", "container " + container.label()
                        + " has no health check", "add .healthCheck(HealthCheck.cmd(...)) to the spec, or wait for"
                        + " something else (Wait.port, Wait.http, Wait.log)");
            }
            progress = "health is " + health.name().toLowerCase(java.util.Locale.ROOT);
            return health == Health.HEALTHY;
        }
    }

    static final class ExecCheck extends Base {
        private final String[] command;

        ExecCheck(WaitTarget container, Wait.Exec wait, long deadline) {
            super(container, wait, deadline, new Backoff(java.time.Duration.ofMillis(25),
                    java.time.Duration.ofMillis(250), wait.pollEvery()));
            this.command = wait.command().toArray(String[]::new);
        }

        @Override
        public boolean poll() {
            try {
                var result = container.exec(command);
                progress = "last exit code " + result.exitCode() + (result.stderr().isBlank() ? ""
                        : ": " + result.stderr().strip());
                return result.succeeded();
            } catch (ContainerNotRunningException e) {
                progress = "container not running";
                return false;
            }
        }
    }

    static final class ExitedCheck implements WaitCheck {
        private final ExitWatch exit;
        private final long deadline;

        ExitedCheck(Wait.Exited wait, ExitWatch exit, long deadline) {
            this.exit = exit;
            this.deadline = deadline;
        }

        @Override
        public boolean poll() {
            return exit.exited();
        }

        @Override
        public long delayNanos() {
            return 5_000_000;
        }

        @Override
        public String progress() {
            return "still running";
        }

        @Override
        public long deadline() {
            return deadline;
        }

        @Override
        public String describe() {
            return "exited";
        }
    }
}
