package dev.berth.core.internal.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.ComposeProject;
import dev.berth.DeployedStack;
import dev.berth.NotFoundException;
import dev.berth.StackSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code docker stack deploy / ls}: plans the swarm objects from the compose file ({@link ComposeToSwarm}), then
 * creates what is missing and updates the services whose spec changed. Like the CLI, a redeploy removes nothing
 * (services dropped from the file stay until {@code docker stack rm}).
 */
public final class SwarmStacks {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SwarmStacks.class);
    private final EngineSwarm swarm;
    private final SwarmCalls calls;

    public SwarmStacks(EngineSwarm swarm) {
        this.swarm = swarm;
        this.calls = swarm.services().calls();
    }

    /**
     * The project as {@code docker compose config} sees it (the engine-free loader: merge, interpolation, extends,
     * profiles, checks with file:line:column), mapped as {@code docker stack deploy} maps it.
     */
    public DeployedStack deploy(StackSpec spec) {
        ComposeProject project = spec.load();
        JsonNode tree = ComposeTree.read(project);
        StackPlan plan = ComposeToSwarm.plan(project.name(), tree, project.workingDirectory());
        return apply(plan);
    }

    EngineDeployedStack apply(StackPlan plan) {
        Map<String, List<String>> byStack = Map.of("label", List.of(ComposeToSwarm.NAMESPACE + "=" + plan.stack()));
        Map<String, String> networkIds = networks(plan, byStack);
        Map<String, String> secretIds = blobs(swarm.secrets(), plan.secrets());
        Map<String, String> configIds = blobs(swarm.configs(), plan.configs());
        Map<String, JsonNode> existing = new HashMap<>();
        swarm.services().listJson(byStack).forEach(s -> existing.put(s.path("Spec").path("Name").asText(), s));
        for (Map.Entry<String, ObjectNode> entry : plan.services().entrySet()) {
            ObjectNode spec = entry.getValue().deepCopy();
            resolve(spec, networkIds, secretIds, configIds);
            JsonNode current = existing.get(entry.getKey());
            if (current == null) {
                swarm.services().create(entry.getKey(), spec, true);
                continue;
            }
            ImageResolver.pin(calls, spec);
            ObjectNode task = (ObjectNode) spec.path("TaskTemplate");
            // the CLI keeps the force-update counter; a lower one would be refused
            task.put("ForceUpdate", current.path("Spec").path("TaskTemplate").path("ForceUpdate").asLong());
            String difference = SpecDiff.difference(spec, current.path("Spec"));
            if (difference != null) {
                LOG.info("Updating service {}: {} changed", entry.getKey(), difference);
                new EngineService(calls, current.path("ID").asText(), entry.getKey()).sendUpdate(current, spec, "");
            }
        }
        return new EngineDeployedStack(swarm, plan.stack());
    }

    /** Creates the stack's networks that are missing; returns every network's id by name (for the specs). */
    private Map<String, String> networks(StackPlan plan, Map<String, List<String>> byStack) {
        Map<String, String> ids = new HashMap<>();
        calls.get("network ls", "/networks?" + SwarmCalls.filters(Map.of("driver", List.of("overlay"))))
                .forEach(n -> ids.put(n.path("Name").asText(), n.path("Id").asText()));
        for (Map.Entry<String, ObjectNode> network : plan.networks().entrySet()) {
            if (!ids.containsKey(network.getKey())) {
                JsonNode created = calls.post("network create " + network.getKey(), "/networks/create",
                        network.getValue());
                ids.put(network.getKey(), created.path("Id").asText());
            }
        }
        return ids;
    }

    /** Secrets and configs are immutable in a swarm: an existing one of that name is kept as it is. */
    private Map<String, String> blobs(EngineSwarmObjects store, Map<String, StackPlan.Blob> wanted) {
        Map<String, String> ids = new HashMap<>();
        for (Map.Entry<String, StackPlan.Blob> blob : wanted.entrySet()) {
            String id = store.find(blob.getKey()).map(dev.berth.SwarmObject::id).orElseGet(() -> store
                    .createExactly(blob.getKey(), blob.getValue().data(), blob.getValue().labels()).id());
            ids.put(blob.getKey(), id);
        }
        return ids;
    }

    /** Names to ids: the engine stores ids, so the comparison with an existing spec needs them too. */
    private void resolve(ObjectNode spec, Map<String, String> networks, Map<String, String> secrets,
            Map<String, String> configs) {
        ObjectNode task = (ObjectNode) spec.path("TaskTemplate");
        for (JsonNode ref : task.path("Networks")) {
            String target = ref.path("Target").asText();
            ((ObjectNode) ref).put("Target", networks.getOrDefault(target, target));
        }
        JsonNode container = task.path("ContainerSpec");
        for (JsonNode ref : container.path("Secrets")) {
            ((ObjectNode) ref).put("SecretID", id(secrets, ref.path("SecretName").asText(), "secret"));
        }
        for (JsonNode ref : container.path("Configs")) {
            ((ObjectNode) ref).put("ConfigID", id(configs, ref.path("ConfigName").asText(), "config"));
        }
    }

    private String id(Map<String, String> known, String name, String kind) {
        String id = known.get(name);
        if (id != null) {
            return id;
        }
        // external: it must exist already
        EngineSwarmObjects store = kind.equals("secret") ? swarm.secrets() : swarm.configs();
        return store.find(name).orElseThrow(() -> new NotFoundException("The stack uses the external " + kind + " '"
                + name + "', which does not exist. Fix: docker " + kind + " create " + name + " FILE")).id();
    }

    /** A stack deployed by anyone: it exists while a service carries its namespace label. */
    public DeployedStack deployed(String name) {
        EngineDeployedStack stack = new EngineDeployedStack(swarm, name);
        if (stack.services().isEmpty()) {
            throw new NotFoundException("No stack '" + name + "' (no service labelled " + ComposeToSwarm.NAMESPACE
                    + "=" + name + "). Fix: see docker stack ls, or deploy it first.");
        }
        return stack;
    }

    /** {@code docker stack ls}: the namespaces of the services, as the CLI lists them. */
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        calls.get("service ls", "/services?" + SwarmCalls.filters(Map.of("label", List.of(ComposeToSwarm.NAMESPACE))))
                .forEach(s -> names.add(s.path("Spec").path("Labels").path(ComposeToSwarm.NAMESPACE).asText()));
        return List.copyOf(names);
    }

    static Map<String, String> sorted(Map<String, String> map) {
        return new LinkedHashMap<>(new java.util.TreeMap<>(map));
    }
}
