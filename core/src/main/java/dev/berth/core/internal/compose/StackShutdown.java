package dev.berth.core.internal.compose;

import dev.berth.Container;
import dev.berth.ContainerNotFoundException;
import dev.berth.ContainerSummary;
import dev.berth.DockerException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Compose's graceful stop: services in reverse dependency order (read from the {@code depends_on} label, so it works
 * for stacks brought up by Compose too), each as soon as its dependents are gone. {@code docker stop} without a timeout sends the
 * container's own stop signal and waits its own stop timeout ({@code stop_signal} / {@code stop_grace_period}, which
 * up wrote into the container), as Compose does.
 */
final class StackShutdown {
    private static final String DEPENDS_ON = "com.docker.compose.depends_on";
    private StackShutdown() {
    }

    /**
     * Stops (and, with {@code remove}, removes) the given containers; returns when all are done. As Compose's
     * {@code InReverseDependencyOrder}, a graph: a service stops as soon as every service depending on it has
     * stopped, not when a whole wave has (in a chain plus fan-out the chain does not wait for unrelated leaves); a
     * stopped container's removal runs alongside its dependencies' stop.
     */
    static void stop(StackEngine engine, List<ContainerSummary> containers, boolean remove, boolean volumes) {
        new Shutdown(engine, byService(containers), remove, volumes).run();
    }

    /** One stop of a set of containers: a future per service, made on the caller's thread. */
    private static final class Shutdown {
        private final StackEngine engine;
        private final Map<String, List<ContainerSummary>> byService;
        private final boolean remove;
        private final boolean volumes;
        private final Map<String, Set<String>> dependents = new HashMap<>();
        private final Map<String, CompletableFuture<Void>> stopped = new HashMap<>();
        private final List<Future<?>> removals = java.util.Collections.synchronizedList(new ArrayList<>());

        Shutdown(StackEngine engine, Map<String, List<ContainerSummary>> byService, boolean remove, boolean volumes) {
            this.engine = engine;
            this.byService = byService;
            this.remove = remove;
            this.volumes = volumes;
            byService.forEach((service, list) -> list.forEach(c -> dependencies(c.labels().get(DEPENDS_ON))
                    .stream().filter(byService::containsKey)
                    .forEach(d -> dependents.computeIfAbsent(d, k -> new HashSet<>()).add(service))));
        }

        void run() {
            try {
                byService.keySet().forEach(service -> schedule(service, new HashSet<>()));
            } catch (IllegalStateException cycle) {
                // a cycle cannot have been brought up by up; what is not scheduled stops together, as before
                byService.keySet().stream().filter(s -> !stopped.containsKey(s))
                        .forEach(s -> stopped.put(s, CompletableFuture.runAsync(() -> stopService(s),
                                engine.background())));
            }
            stopped.values().forEach(StackShutdown::join);
            new ArrayList<>(removals).forEach(StackShutdown::join);
        }

        private CompletableFuture<Void> schedule(String service, Set<String> path) {
            CompletableFuture<Void> known = stopped.get(service);
            if (known != null) {
                return known;
            }
            if (!path.add(service)) {
                throw new IllegalStateException("depends_on cycle through " + service);
            }
            var first = dependents.getOrDefault(service, Set.of()).stream().map(d -> schedule(d, path))
                    .toArray(CompletableFuture[]::new);
            path.remove(service);
            CompletableFuture<Void> future = CompletableFuture.allOf(first)
                    .thenRunAsync(() -> stopService(service), engine.background());
            stopped.put(service, future);
            return future;
        }

        /** Stops the service's containers side by side; their removal is left to run on. */
        private void stopService(String service) {
            List<Future<?>> stops = new ArrayList<>();
            for (ContainerSummary summary : byService.get(service)) {
                Container c = engine.containers().listed(summary); // no inspect: two requests each, as Compose
                stops.add(engine.background().submit(() -> {
                    try {
                        c.stop();
                    } catch (ContainerNotFoundException gone) {
                        return; // removed meanwhile (another down, auto-remove): what down wanted
                    }
                    if (remove) {
                        removals.add(engine.background().submit(() -> removeOne(c)));
                    }
                }));
            }
            stops.forEach(StackShutdown::join);
        }

        private void removeOne(Container c) {
            try {
                c.remove(volumes ? dev.berth.ContainerRemoval.forced().withVolumes()
                        : dev.berth.ContainerRemoval.forced());
            } catch (ContainerNotFoundException gone) {
                // removed meanwhile
            }
        }
    }

    /**
     * {@code docker compose start/restart}: services in dependency order, each wave side by side (a dependency
     * outside the given containers counts as already there).
     */
    static void start(StackEngine engine, List<ContainerSummary> containers, Consumer<Container> action) {
        Map<String, List<ContainerSummary>> byService = byService(containers);
        Set<String> remaining = new HashSet<>(byService.keySet());
        while (!remaining.isEmpty()) {
            List<String> wave = remaining.stream().filter(s -> byService.get(s).stream().allMatch(c ->
                    dependencies(c.labels().get(DEPENDS_ON)).stream().noneMatch(remaining::contains))).toList();
            if (wave.isEmpty()) {
                wave = List.copyOf(remaining);
            }
            List<Future<?>> starts = new ArrayList<>();
            for (String service : wave) {
                for (ContainerSummary c : byService.get(service)) {
                    starts.add(engine.background().submit(() -> engine.containers().find(c.id()).ifPresent(action)));
                }
            }
            starts.forEach(StackShutdown::join);
            wave.forEach(remaining::remove);
        }
    }

    private static Map<String, List<ContainerSummary>> byService(List<ContainerSummary> containers) {
        Map<String, List<ContainerSummary>> byService = new LinkedHashMap<>();
        for (ContainerSummary c : containers) {
            byService.computeIfAbsent(c.labels().getOrDefault(EngineStacks.SERVICE, ""), k -> new ArrayList<>())
                    .add(c);
        }
        return byService;
    }

    /** {@code "db:service_healthy:false,cache:service_started:true"} → db, cache. */
    static Set<String> dependencies(String label) {
        Set<String> names = new HashSet<>();
        if (label != null && !label.isBlank()) {
            for (String part : label.split(",")) {
                names.add(part.split(":", 2)[0].trim());
            }
        }
        return names;
    }

    private static void join(Future<?> stop) {
        try {
            stop.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause() : e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime
                    : new DockerException("Stopping a container failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException("Interrupted while stopping the stack", e);
        }
    }
}
