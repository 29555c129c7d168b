package dev.berth.core.internal.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.BerthLabels;
import dev.berth.LogLine;
import dev.berth.NotFoundException;
import dev.berth.Service;
import dev.berth.ServiceInfo;
import dev.berth.ServiceSpec;
import dev.berth.TaskInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A live service handle; every read asks the engine (the swarm changes tasks on its own). */
final class EngineService implements Service {
    private final SwarmCalls calls;
    private final String id;
    private final String name;

    EngineService(SwarmCalls calls, String id, String name) {
        this.calls = calls;
        this.id = id;
        this.name = name;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    JsonNode inspectJson() {
        return calls.get("service inspect " + name, "/services/" + id);
    }

    @Override
    public ServiceInfo inspect() {
        ServiceInfo info = ServiceReader.info(inspectJson());
        // inspect has no task counts: count them as `docker service ls` does
        int running = (int) tasks().stream().filter(t -> t.isRunning() && "running".equals(t.desiredState())).count();
        int desired = info.global() ? (int) tasks().stream().filter(t -> "running".equals(t.desiredState())).count()
                : info.replicas();
        return new ServiceInfo(info.id(), info.name(), info.version(), info.image(), info.global(), info.replicas(),
                running, desired, info.labels(), info.ports(), info.updateState(), info.updateMessage(),
                info.createdAt(), info.updatedAt(), info.specJson());
    }

    @Override
    public Service update(ServiceSpec spec) {
        JsonNode current = inspectJson();
        ObjectNode json = new EngineServices(calls).toJson(spec.label(BerthLabels.MANAGED, "true"));
        if (spec.resolvesImage()) {
            ImageResolver.pin(calls, json);
        }
        // keep the force-update counter, as the CLI does: a lower one would be refused
        ((ObjectNode) json.path("TaskTemplate")).put("ForceUpdate",
                current.path("Spec").path("TaskTemplate").path("ForceUpdate").asLong());
        sendUpdate(current, json, "");
        return this;
    }

    /** Writes a new spec at the version it was read at (the engine refuses a stale version). */
    void sendUpdate(JsonNode current, ObjectNode spec, String extraQuery) {
        calls.post("service update " + name, "/services/" + id + "/update?version="
                + current.path("Version").path("Index").asLong() + extraQuery, spec);
    }

    @Override
    public Service scale(int replicas) {
        JsonNode current = inspectJson();
        ObjectNode spec = ((ObjectNode) current.path("Spec")).deepCopy();
        if (!spec.path("Mode").has("Replicated")) {
            throw new dev.berth.InvalidSpecException("scale of " + name, replicas,
                    "only replicated services scale; this one is global (one task per node)",
                    "remove and create it with replicas(n)");
        }
        ((ObjectNode) spec.path("Mode").path("Replicated")).put("Replicas", replicas);
        sendUpdate(current, spec, "");
        return this;
    }

    @Override
    public Service rollback() {
        JsonNode current = inspectJson();
        if (current.path("PreviousSpec").isMissingNode()) {
            throw new dev.berth.InvalidSpecException("rollback of " + name, "no previous spec",
                    "a service rolls back only after an update", "update it first");
        }
        // the engine rolls back itself (rollback=previous) and applies the rollback_config
        sendUpdate(current, ((ObjectNode) current.path("Spec")).deepCopy(), "&rollback=previous");
        return this;
    }

    @Override
    public List<TaskInfo> tasks() {
        List<TaskInfo> tasks = new ArrayList<>();
        calls.get("service ps " + name, "/tasks?" + SwarmCalls.filters(Map.of("service", List.of(id))))
                .forEach(t -> tasks.add(ServiceReader.task(t)));
        tasks.sort(Comparator.comparingInt(TaskInfo::slot).thenComparing(TaskInfo::timestamp,
                Comparator.nullsLast(Comparator.reverseOrder())));
        return tasks;
    }

    @Override
    public List<LogLine> logs(int tail) {
        return SwarmLogs.service(calls.engine(), id, tail);
    }

    @Override
    public Service awaitConverged(Duration timeout) {
        new Convergence(calls, List.of(this)).await(timeout);
        return this;
    }

    @Override
    public void remove() {
        try {
            calls.delete("service rm " + name, "/services/" + id);
        } catch (NotFoundException gone) {
            // already removed: the goal is reached
        }
    }

    @Override
    public void close() {
        remove();
    }

    @Override
    public String toString() {
        return "Service " + name + " (" + id + ")";
    }
}
