package dev.berth.core.internal.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.DockerException;
import dev.berth.LogLine;
import dev.berth.ServiceConvergenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Waits until services have converged: as many tasks running (which, for a task with a health check, means
 * healthy: swarm keeps it "starting" until then) on the current task spec as the swarm wants, and no update or
 * rollback in progress. Two calls per poll whatever the number of services: one service list, one task list.
 * Fails early when an update pauses or when tasks keep failing (three failures since the wait began), and on
 * timeout, with the failing task's error and last log lines.
 */
final class Convergence {
    private static final Set<String> FAILED = Set.of("failed", "rejected");
    private static final int FAILURES_BEFORE_GIVING_UP = 3;
    /**
     * How long every task must have run before the services count as converged: a container that exits at once is
     * "running" for a few milliseconds, and a single poll would call that converged. (The CLI's
     * {@code service create} watches for 5 s; {@code update_config.monitor} covers the longer view.)
     */
    static final Duration SETTLE = Duration.ofMillis(300);

    private final SwarmCalls calls;
    private final List<EngineService> services;
    /** This node's id, read once the first time a task's container must be inspected. */
    private String localNode;

    Convergence(SwarmCalls calls, List<EngineService> services) {
        this.calls = calls;
        this.services = List.copyOf(services);
    }

    void await(Duration timeout) {
        if (services.isEmpty()) {
            return;
        }
        Instant start = Instant.now();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> ids = services.stream().map(EngineService::id).toList();
        long pause = 50;
        while (true) {
            Map<String, JsonNode> byId = new ConcurrentHashMap<>();
            Map<String, List<JsonNode>> tasks = new HashMap<>();
            List<JsonNode> taskList = new ArrayList<>();
            calls.together("await converged", List.of(() -> calls.get("service ls", "/services?status=true&"
                            + SwarmCalls.filters(Map.of("id", ids))).forEach(s -> byId.put(s.path("ID").asText(), s)),
                    () -> calls.get("service ps", "/tasks?" + SwarmCalls.filters(Map.of("service", ids)))
                            .forEach(taskList::add)));
            taskList.forEach(t -> tasks.computeIfAbsent(t.path("ServiceID").asText(), k -> new ArrayList<>()).add(t));
            boolean all = true;
            for (EngineService service : services) {
                JsonNode s = byId.get(service.id());
                if (s == null) {
                    throw new ServiceConvergenceException(service.name(), "Service " + service.name()
                            + " was removed while waiting for it to converge", "", List.of());
                }
                List<JsonNode> own = tasks.getOrDefault(service.id(), List.of());
                String update = s.path("UpdateStatus").path("State").asText("");
                if (update.equals("paused") || update.equals("rollback_paused")) {
                    throw failure(service, own, "its update " + update.replace('_', ' ') + ": "
                            + s.path("UpdateStatus").path("Message").asText(), start);
                }
                long failures = own.stream().filter(t -> FAILED.contains(state(t)) && after(t, start)).count();
                if (failures >= FAILURES_BEFORE_GIVING_UP) {
                    throw failure(service, own, failures + " of its tasks failed since the wait began", start);
                }
                all &= converged(s, own, update);
            }
            long unsettled = pause;
            if (all) {
                unsettled = unsettledMillis(tasks.values().stream().flatMap(List::stream).filter(t -> "running"
                        .equals(state(t)) && "running".equals(t.path("DesiredState").asText())).toList(), pause);
                if (unsettled == 0) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                EngineService slow = services.stream().filter(svc -> !converged(byId.get(svc.id()),
                        tasks.getOrDefault(svc.id(), List.of()), byId.get(svc.id()).path("UpdateStatus")
                                .path("State").asText(""))).findFirst().orElse(services.get(0));
                JsonNode s = byId.get(slow.id());
                throw failure(slow, tasks.getOrDefault(slow.id(), List.of()), "it did not converge within "
                        + timeout.toSeconds() + " s (" + running(s, tasks.getOrDefault(slow.id(), List.of())) + "/"
                        + desired(s, tasks.getOrDefault(slow.id(), List.of())) + " tasks running)", start);
            }
            sleep(unsettled);
            pause = Math.min(pause * 2, 100);
        }
    }

    /**
     * How long until every running task has run for {@link #SETTLE} (0: it has), {@code pause} when a container
     * does not run: a task on this node by its container's own state (the swarm reports an exit up to a second late
     * on a busy 20.10), a task elsewhere by the time the swarm saw it start. The containers are inspected side by
     * side; waiting exactly the time left (then one more look) ends the wait as soon as the youngest task settles.
     */
    private long unsettledMillis(List<JsonNode> running, long pause) {
        if (localNode == null) {
            localNode = calls.get("docker info", "/info").path("Swarm").path("NodeID").asText();
        }
        Instant now = Instant.now();
        Map<String, Instant> since = new ConcurrentHashMap<>(); // by task id
        List<Runnable> inspects = new ArrayList<>();
        for (JsonNode task : running) {
            String container = task.path("Status").path("ContainerStatus").path("ContainerID").asText("");
            if (task.path("NodeID").asText().equals(localNode) && !container.isEmpty()) {
                inspects.add(() -> startedAt(container).ifPresent(at -> since.put(id(task), at)));
            } else {
                Instant at = Json.instant(task.path("Status").path("Timestamp"));
                if (at != null) {
                    since.put(id(task), at);
                }
            }
        }
        calls.together("await converged", inspects);
        long left = 0;
        for (JsonNode task : running) {
            Instant started = since.get(id(task));
            if (started == null) {
                return pause;
            }
            left = Math.max(left, SETTLE.minus(Duration.between(started, now)).toMillis());
        }
        return left <= 0 ? 0 : Math.min(left, SETTLE.toMillis()) + 1; // capped: the engine's clock may run ahead
    }

    /** When the container started, if it runs (not restarting) now. */
    private Optional<Instant> startedAt(String container) {
        JsonNode state;
        try {
            state = calls.get("inspect task container", "/containers/" + container + "/json").path("State");
        } catch (dev.berth.NotFoundException gone) {
            return Optional.empty();
        }
        if (!state.path("Running").asBoolean() || state.path("Restarting").asBoolean()) {
            return Optional.empty();
        }
        return Optional.ofNullable(Json.instant(state.path("StartedAt")));
    }

    private static boolean converged(JsonNode service, List<JsonNode> tasks, String update) {
        if (update.equals("updating") || update.equals("rollback_started")) {
            return false;
        }
        if (!service.path("Spec").path("Mode").has("Replicated")
                && tasks.stream().noneMatch(t -> "running".equals(t.path("DesiredState").asText()))) {
            return false; // global: the orchestrator has not made the tasks yet
        }
        return running(service, tasks) == desired(service, tasks);
    }

    /** Tasks the swarm wants running, that run, on the service's current task spec. */
    private static long running(JsonNode service, List<JsonNode> tasks) {
        JsonNode template = service.path("Spec").path("TaskTemplate");
        return tasks.stream().filter(t -> "running".equals(t.path("DesiredState").asText())
                && "running".equals(state(t)) && onTemplate(t.path("Spec"), template)).count();
    }

    /** A task's spec is the template it was made from, minus what the engine keeps elsewhere (Runtime). */
    private static boolean onTemplate(JsonNode taskSpec, JsonNode template) {
        for (var it = taskSpec.fields(); it.hasNext(); ) {
            var field = it.next();
            if (!field.getValue().equals(template.path(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Replicas, or for a global service one task per eligible node: the tasks the swarm wants running. */
    private static long desired(JsonNode service, List<JsonNode> tasks) {
        JsonNode mode = service.path("Spec").path("Mode");
        if (mode.has("Replicated")) {
            return mode.path("Replicated").path("Replicas").asInt(1);
        }
        return Math.max(service.path("ServiceStatus").path("DesiredTasks").asInt(),
                tasks.stream().filter(t -> "running".equals(t.path("DesiredState").asText())).count());
    }

    private ServiceConvergenceException failure(EngineService service, List<JsonNode> tasks, String why,
            Instant start) {
        JsonNode failing = tasks.stream().filter(t -> !t.path("Status").path("Err").asText("").isEmpty())
                .max(Comparator.comparing(t -> t.path("Status").path("Timestamp").asText())).orElse(null);
        String error = failing == null ? "" : failing.path("Status").path("Err").asText();
        List<String> lines = new ArrayList<>();
        if (failing != null && !failing.path("Status").path("ContainerStatus").path("ContainerID").asText("")
                .isEmpty()) {
            try {
                SwarmLogs.task(calls.engine(), failing.path("ID").asText(), 50).stream().map(LogLine::toString)
                        .forEach(lines::add);
            } catch (DockerException e) {
                lines.add("(logs unavailable: " + e.getMessage() + ")");
            }
        }
        return new ServiceConvergenceException(service.name(), "Service " + service.name() + " did not converge: "
                + why + (error.isEmpty() ? "" : ". Failing task " + failing.path("ID").asText() + ": " + error
                + " (" + failing.path("Status").path("Message").asText() + ")")
                + ". Fix: see `docker service ps --no-trunc " + service.name() + "`", error, lines);
    }

    private static String id(JsonNode task) {
        return task.path("ID").asText();
    }

    private static String state(JsonNode task) {
        return task.path("Status").path("State").asText();
    }

    private static boolean after(JsonNode task, Instant start) {
        Instant at = Json.instant(task.path("Status").path("Timestamp"));
        return at != null && !at.isBefore(start.minusSeconds(1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException("Interrupted while waiting for services to converge", e);
        }
    }
}
