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
     * {@code InReverseDependencyOrder}, a graph: a service goes as soon as every service depending on it is done,
     * not when a whole wave is (in a chain plus fan-out the chain does not wait for unrelated leaves).
     */
    static void stop(StackEngine engine, List<ContainerSummary> containers, boolean remove, boolean volumes) {
        Map<String, List<ContainerSummary>> byService = byService(containers);
        Map<String, Set<String>> dependents = new HashMap<>();
        byService.forEach((service, list) -> list.forEach(c -> dependencies(c.labels().get(DEPENDS_ON)).stream()
                .filter(byService::containsKey).forEach(d -> dependents.computeIfAbsent(d, k -> new HashSet<>())
                        .add(service))));
        Map<String, CompletableFuture<Void>> done = new HashMap<>();
        try {
            for (String service : byService.keySet()) {
                schedule(engine, service, byService, dependents, done, new HashSet<>(), remove, volumes);
            }
        } catch (IllegalStateException cycle) {
            // a cycle cannot have been brought up by up; stop what is left together, as before
            done.values().forEach(StackShutdown::join);
            List<Future<?>> rest = new ArrayList<>();
            byService.forEach((service, list) -> {
                if (!done.containsKey(service)) {
                    list.forEach(c -> rest.add(engine.background().submit(() -> stopOne(engine, c, remove,
                            volumes))));
                }
            });
            rest.forEach(StackShutdown::join);
            return;
        }
        done.values().forEach(StackShutdown::join);
    }

    private static CompletableFuture<Void> schedule(StackEngine engine, String service,
            Map<String, List<ContainerSummary>> byService, Map<String, Set<String>> dependents,
            Map<String, CompletableFuture<Void>> done, Set<String> path, boolean remove, boolean volumes) {
        CompletableFuture<Void> known = done.get(service);
        if (known != null) {
            return known;
        }
        if (!path.add(service)) {
            throw new IllegalStateException("depends_on cycle through " + service);
        }
        List<CompletableFuture<Void>> first = new ArrayList<>();
        for (String dependent : dependents.getOrDefault(service, Set.of())) {
            first.add(schedule(engine, dependent, byService, dependents, done, path, remove, volumes));
        }
        path.remove(service);
        CompletableFuture<Void> stopped = CompletableFuture.allOf(first.toArray(CompletableFuture[]::new))
                .thenRunAsync(() -> {
                    List<Future<?>> stops = new ArrayList<>();
                    for (ContainerSummary c : byService.get(service)) {
                        stops.add(engine.background().submit(() -> stopOne(engine, c, remove, volumes)));
                    }
                    stops.forEach(StackShutdown::join);
                }, engine.background());
        done.put(service, stopped);
        return stopped;
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

    private static void stopOne(StackEngine engine, ContainerSummary summary, boolean remove, boolean volumes) {
        Container c = engine.containers().listed(summary); // no inspect: two requests per container, as Compose
        try {
            c.stop();
            if (remove) {
                c.remove(volumes ? dev.berth.ContainerRemoval.forced().withVolumes() : dev.berth.ContainerRemoval.forced());
            }
        } catch (ContainerNotFoundException gone) {
            // removed meanwhile (by another down, or auto-remove): what down wanted
        }
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
