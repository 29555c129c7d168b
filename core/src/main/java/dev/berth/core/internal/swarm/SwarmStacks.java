package dev.berth.core.internal.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.ComposeProject;
import dev.berth.DeployedStack;
import dev.berth.NotFoundException;
import dev.berth.StackSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

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

    /**
     * Three rounds of requests, each side by side: what exists (overlay networks, the stack's services) and the
     * images' digests; the missing networks, secrets and configs; the services to create or update.
     */
    EngineDeployedStack apply(StackPlan plan) {
        String what = "stack deploy " + plan.stack();
        Map<String, List<String>> byStack = Map.of("label", List.of(ComposeToSwarm.NAMESPACE + "=" + plan.stack()));
        Map<String, ObjectNode> specs = new LinkedHashMap<>();
        plan.services().forEach((name, spec) -> specs.put(name, spec.deepCopy()));
        Map<String, String> networkIds = new ConcurrentHashMap<>();
        Map<String, JsonNode> existing = new ConcurrentHashMap<>();
        List<Runnable> reads = new ArrayList<>();
        reads.add(() -> calls.get("network ls", "/networks?" + SwarmCalls.filters(Map.of("driver",
                List.of("overlay")))).forEach(n -> networkIds.put(n.path("Name").asText(), n.path("Id").asText())));
        reads.add(() -> swarm.services().listJson(byStack).forEach(s -> existing.put(s.path("Spec").path("Name")
                .asText(), s)));
        specs.values().forEach(spec -> reads.add(() -> ImageResolver.pin(calls, spec)));
        calls.together(what, reads);

        Map<String, String> secretIds = new ConcurrentHashMap<>();
        Map<String, String> configIds = new ConcurrentHashMap<>();
        List<Runnable> creates = new ArrayList<>();
        plan.networks().forEach((name, body) -> {
            if (!networkIds.containsKey(name)) {
                creates.add(() -> networkIds.put(name, calls.post("network create " + name, "/networks/create", body)
                        .path("Id").asText()));
            }
        });
        plan.secrets().forEach((name, blob) -> creates.add(() -> secretIds.put(name, blob(swarm.secrets(), name,
                blob))));
        plan.configs().forEach((name, blob) -> creates.add(() -> configIds.put(name, blob(swarm.configs(), name,
                blob))));
        calls.together(what, creates);

        List<Runnable> writes = new ArrayList<>();
        specs.forEach((name, spec) -> writes.add(() -> {
            resolve(spec, networkIds, secretIds, configIds);
            JsonNode current = existing.get(name);
            if (current == null) {
                swarm.services().create(name, spec, false);
            } else {
                update(name, spec, current);
            }
        }));
        calls.together(what, writes);
        return new EngineDeployedStack(swarm, plan.stack());
    }

    /** Sends the new spec only when it differs from the running one in what the file owns ({@link SpecDiff}). */
    private void update(String name, ObjectNode spec, JsonNode current) {
        ObjectNode task = (ObjectNode) spec.path("TaskTemplate");
        // the CLI keeps the force-update counter; a lower one would be refused
        task.put("ForceUpdate", current.path("Spec").path("TaskTemplate").path("ForceUpdate").asLong());
        String difference = SpecDiff.difference(spec, current.path("Spec"));
        if (difference != null) {
            LOG.info("Updating service {}: {} changed", name, difference);
            new EngineService(calls, current.path("ID").asText(), name).sendUpdate(current, spec, "");
        }
    }

    /** Secrets and configs are immutable in a swarm: an existing one of that name is kept as it is. */
    private static String blob(EngineSwarmObjects store, String name, StackPlan.Blob blob) {
        return store.find(name).map(dev.berth.SwarmObject::id).orElseGet(() -> store.createExactly(name, blob.data(),
                blob.labels()).id());
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
