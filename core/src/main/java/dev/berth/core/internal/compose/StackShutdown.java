package dev.berth.core.internal.compose;

import dev.berth.Container;
import dev.berth.ContainerNotFoundException;
import dev.berth.ContainerSummary;
import dev.berth.DockerException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Compose's graceful stop: services in reverse dependency order (read from the {@code depends_on} label, so it works
 * for stacks brought up by Compose too), each wave side by side. {@code docker stop} without a timeout sends the
 * container's own stop signal and waits its own stop timeout ({@code stop_signal} / {@code stop_grace_period}, which
 * up wrote into the container), as Compose does.
 */
final class StackShutdown {
    private static final String DEPENDS_ON = "com.docker.compose.depends_on";
    private StackShutdown() {
    }

    /** Stops (and, with {@code remove}, removes) the given containers; returns when all are done. */
    static void stop(StackEngine engine, List<ContainerSummary> containers, boolean remove, boolean volumes) {
        Map<String, List<ContainerSummary>> byService = byService(containers);
        Set<String> remaining = new HashSet<>(byService.keySet());
        while (!remaining.isEmpty()) {
            Set<String> needed = new HashSet<>();
            for (String service : remaining) {
                for (ContainerSummary c : byService.get(service)) {
                    needed.addAll(dependencies(c.labels().get(DEPENDS_ON)));
                }
            }
            List<String> wave = remaining.stream().filter(s -> !needed.contains(s)).toList();
            if (wave.isEmpty()) {
                wave = List.copyOf(remaining); // a cycle cannot be brought up; stop the rest together
            }
            List<Future<?>> stops = new ArrayList<>();
            for (String service : wave) {
                for (ContainerSummary c : byService.get(service)) {
                    stops.add(engine.background().submit(() -> stopOne(engine, c, remove, volumes)));
                }
            }
            stops.forEach(StackShutdown::join);
            wave.forEach(remaining::remove);
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
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new DockerException("Stopping a container failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException("Interrupted while stopping the stack", e);
        }
    }
}
