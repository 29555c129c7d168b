package dev.berth.core.internal.compose;

import dev.berth.Container;
import dev.berth.ContainerState;
import dev.berth.ContainerStatus;
import dev.berth.DockerException;
import dev.berth.Health;
import dev.berth.StackNotReadyException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code docker compose up --wait}: polls the containers side by side (every 50 ms) until each is running (for
 * {@link #SETTLE} at least) and healthy when it has a health check, or exited with 0 when it is a one-shot service
 * others need completed. Fails at the first
 * container that cannot get there any more (exited, unhealthy) or at the deadline.
 */
final class StackReadiness {
    private static final Duration POLL = Duration.ofMillis(50);
    /**
     * A container without a health check counts as up once it has been running this long: a service that exits at
     * once must fail the wait, not pass because it was looked at first. Compose's {@code --wait} looks first 500 ms
     * after the wait began (its ticker), so this is the same margin, counted from each container's own start.
     */
    static final Duration SETTLE = Duration.ofMillis(500);
    private static final int LOG_LINES = 20;

    private StackReadiness() {
    }

    /** {@code completedOk}: services some other service depends on with {@code service_completed_successfully}. */
    static void await(Executor threads, Map<String, List<Container>> services, Set<String> completedOk,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Instant began = Instant.now();
        List<Pending> pending = new ArrayList<>();
        for (var e : services.entrySet()) {
            for (Container c : e.getValue()) {
                pending.add(new Pending(e.getKey(), c));
            }
        }
        while (true) {
            List<Pending> still = new ArrayList<>();
            List<CompletableFuture<ContainerState>> states = new ArrayList<>();
            for (Pending p : pending) { // side by side: one round costs one request's time, not one per container
                states.add(CompletableFuture.supplyAsync(() -> p.container().inspect(), threads));
            }
            for (int i = 0; i < pending.size(); i++) {
                Pending p = pending.get(i);
                ContainerState state = ServiceLauncher.join(states.get(i));
                String failure = failure(state, completedOk.contains(p.service()));
                if (failure != null) {
                    throw notReady(p, state, failure);
                }
                if (!ready(state, completedOk.contains(p.service()), began, Instant.now())) {
                    still.add(p);
                }
            }
            if (still.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                Pending p = still.get(0);
                ContainerState state = p.container().inspect();
                throw notReady(p, state, "still " + describe(state) + " after " + timeout);
            }
            pending = still;
            sleep();
        }
    }

    /** {@code began}: when the wait began (a bound for an engine whose clock runs ahead of ours). */
    static boolean ready(ContainerState state, boolean oneShot, Instant began, Instant now) {
        if (oneShot || state.status() == ContainerStatus.EXITED) {
            return oneShot && state.status() == ContainerStatus.EXITED && Integer.valueOf(0).equals(state.exitCode());
        }
        if (!state.running()) {
            return false;
        }
        if (state.health() != Health.NONE) {
            return state.health() == Health.HEALTHY;
        }
        return !began.plus(SETTLE).isAfter(now) || state.startedAt() != null
                && !state.startedAt().plus(SETTLE).isAfter(now);
    }

    /** Null while the container can still become ready. */
    static String failure(ContainerState state, boolean oneShot) {
        if (state.status() == ContainerStatus.EXITED || state.status() == ContainerStatus.DEAD) {
            boolean ok = oneShot && Integer.valueOf(0).equals(state.exitCode());
            return ok ? null : "exited with code " + state.exitCode();
        }
        return state.health() == Health.UNHEALTHY ? "unhealthy" : null;
    }

    private static String describe(ContainerState state) {
        return state.status().name().toLowerCase() + (state.health() == Health.NONE ? ""
                : " (health: " + state.health().name().toLowerCase() + ")");
    }

    private static StackNotReadyException notReady(Pending p, ContainerState state, String what) {
        List<String> lines;
        try {
            lines = p.container().logs().tail(LOG_LINES).texts();
        } catch (DockerException e) {
            lines = List.of("(logs unavailable: " + e.getMessage() + ")");
        }
        String name = state.name().startsWith("/") ? state.name().substring(1) : state.name();
        return new StackNotReadyException(p.service(), name, what, state.exitCode(), lines);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException("Interrupted while waiting for the stack", e);
        }
    }

    private record Pending(String service, Container container) {
    }
}
