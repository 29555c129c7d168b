package dev.berth.core.internal.swarm;

import static dev.berth.core.internal.swarm.ComposeValues.bool;
import static dev.berth.core.internal.swarm.ComposeValues.integer;
import static dev.berth.core.internal.swarm.ComposeValues.keyValues;
import static dev.berth.core.internal.swarm.ComposeValues.mode;
import static dev.berth.core.internal.swarm.ComposeValues.present;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.BerthLabels;
import dev.berth.InvalidSpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The compose model as {@code docker stack deploy} turns it into swarm objects, written after the CLI's
 * {@code cli/compose/convert} and checked field by field against it ({@code StackFidelityTest}). The one place that
 * knows the mapping: it reads the project as a {@code docker compose config} tree, so a different compose loader
 * only changes where the tree comes from.
 *
 * <p>One deliberate difference: service specs, networks, secrets and configs also carry
 * {@code dev.berth.managed=true}, so Berth can tell what it made.
 */
final class ComposeToSwarm {
    static final String NAMESPACE = "com.docker.stack.namespace";
    static final String IMAGE = "com.docker.stack.image";
    /** Keys swarm has no use for; the CLI ignores them too (some with a warning). */
    private static final Set<String> IGNORED = Set.of("build", "depends_on", "container_name", "links",
            "external_links", "profiles", "pull_policy", "expose", "restart");
    private static final Set<String> MAPPED = Set.of("image", "command", "entrypoint", "environment", "labels",
            "deploy", "ports", "networks", "secrets", "configs", "healthcheck", "volumes", "working_dir", "user",
            "hostname", "stop_grace_period", "stop_signal", "tty", "stdin_open", "read_only", "init", "cap_add",
            "cap_drop", "env_file");

    private final String stack;
    private final JsonNode project;
    private final Path workingDir;

    private ComposeToSwarm(String stack, JsonNode project, Path workingDir) {
        this.stack = stack;
        this.project = project;
        this.workingDir = workingDir;
    }

    static StackPlan plan(String stack, JsonNode project, Path workingDir) {
        return new ComposeToSwarm(stack, project, workingDir).plan();
    }

    private StackPlan plan() {
        Map<String, ObjectNode> services = new TreeMap<>();
        Set<String> usedNetworks = new TreeSet<>();
        JsonNode serviceNodes = project.path("services");
        if (!serviceNodes.isObject() || serviceNodes.isEmpty()) {
            throw new InvalidSpecException("compose services", serviceNodes, "a stack needs at least one service",
                    "define services: in the compose file");
        }
        serviceNodes.fields().forEachRemaining(e -> {
            services.put(scope(e.getKey()), service(e.getKey(), e.getValue()));
            usedNetworks.addAll(serviceNetworks(e.getValue()).keySet());
        });
        return new StackPlan(stack, networks(usedNetworks), blobs("secrets"), blobs("configs"), services);
    }

    JsonNode tree() {
        return project;
    }

    Path workingDir() {
        return workingDir;
    }

    private String scope(String name) {
        return stack + "_" + name;
    }

    /** The engine name of a top-level object: its {@code name:}, the external name, or STACK_key. */
    String objectName(String section, String key) {
        JsonNode def = project.path(section).path(key);
        if (present(def.path("name")) && (isExternal(def) || !def.path("name").asText().equals(scope(key)))) {
            return def.path("name").asText();
        }
        if (isExternal(def) && present(def.path("external").path("name"))) {
            return def.path("external").path("name").asText();
        }
        return isExternal(def) ? key : scope(key);
    }

    static boolean isExternal(JsonNode def) {
        JsonNode external = def.path("external");
        return bool(external) || external.isObject();
    }

    // ---- networks, secrets, configs ----

    private Map<String, ObjectNode> networks(Set<String> used) {
        Map<String, ObjectNode> networks = new TreeMap<>();
        for (String key : used) {
            JsonNode def = project.path("networks").path(key);
            if (present(def) && isExternal(def)) {
                continue;
            }
            ObjectNode body = SwarmCalls.object();
            String name = objectName("networks", key);
            body.put("Name", name);
            body.put("Driver", present(def.path("driver")) ? def.path("driver").asText() : "overlay");
            body.put("Scope", "swarm");
            if (bool(def.path("attachable"))) {
                body.put("Attachable", true);
            }
            if (bool(def.path("internal"))) {
                body.put("Internal", true);
            }
            ObjectNode options = body.putObject("Options");
            keyValues(def.path("driver_opts")).forEach(options::put);
            ObjectNode labels = body.putObject("Labels");
            stackLabels(def.path("labels")).forEach(labels::put);
            labels.put(BerthLabels.MANAGED, "true");
            if (present(def.path("ipam")) && present(def.path("ipam").path("config"))) {
                ObjectNode ipam = body.putObject("IPAM");
                ipam.put("Driver", def.path("ipam").path("driver").asText("default"));
                ArrayNode configs = ipam.putArray("Config");
                for (JsonNode c : def.path("ipam").path("config")) {
                    ObjectNode config = configs.addObject();
                    if (present(c.path("subnet"))) {
                        config.put("Subnet", c.path("subnet").asText());
                    }
                }
            }
            networks.put(name, body);
        }
        return networks;
    }

    private Map<String, StackPlan.Blob> blobs(String section) {
        Map<String, StackPlan.Blob> blobs = new TreeMap<>();
        project.path(section).fields().forEachRemaining(e -> {
            JsonNode def = e.getValue();
            if (isExternal(def)) {
                return;
            }
            byte[] data;
            if (present(def.path("file"))) {
                Path file = workingDir.resolve(def.path("file").asText()).normalize();
                try {
                    data = Files.readAllBytes(file);
                } catch (IOException ex) {
                    throw new UncheckedIOException("Cannot read " + section + "." + e.getKey() + ".file " + file, ex);
                }
            } else if (present(def.path("content"))) {
                data = def.path("content").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            } else {
                throw new InvalidSpecException(section + "." + e.getKey(), def, "stack deploy needs the data: "
                        + "file: or content:, or external: true for an existing one", "add file: ./path");
            }
            Map<String, String> labels = stackLabels(def.path("labels"));
            labels.put(BerthLabels.MANAGED, "true");
            blobs.put(objectName(section, e.getKey()), new StackPlan.Blob(data, labels));
        });
        return blobs;
    }

    /** The object's own labels plus the namespace label (AddStackLabel). */
    Map<String, String> stackLabels(JsonNode own) {
        Map<String, String> labels = new TreeMap<>();
        keyValues(own).forEach((k, v) -> labels.put(k, v == null ? "" : v));
        labels.put(NAMESPACE, stack);
        return labels;
    }

    // ---- services ----

    private ObjectNode service(String name, JsonNode s) {
        String path = "services." + name;
        s.fieldNames().forEachRemaining(key -> {
            if (!MAPPED.contains(key) && !IGNORED.contains(key)) {
                throw new InvalidSpecException(path + "." + key, key, "Berth's stack deploy does not map this key",
                        "remove it, or deploy this file with docker stack deploy");
            }
        });
        if (!present(s.path("image"))) {
            throw new InvalidSpecException(path + ".image", null, "a swarm service needs an image (build: is"
                    + " ignored by stack deploy)", "build and push the image, then set image:");
        }
        JsonNode deploy = s.path("deploy");
        ObjectNode spec = SwarmCalls.object();
        spec.put("Name", scope(name));
        ObjectNode labels = spec.putObject("Labels");
        stackLabels(deploy.path("labels")).forEach(labels::put);
        labels.put(IMAGE, s.path("image").asText());
        labels.put(BerthLabels.MANAGED, "true");

        ObjectNode task = spec.putObject("TaskTemplate");
        task.set("ContainerSpec", new ComposeContainer(this).container(name, s, path));
        task.set("Resources", ComposeDeploy.resources(deploy.path("resources"), path + ".deploy.resources"));
        ObjectNode restart = ComposeDeploy.restartPolicy(deploy.path("restart_policy"), s.path("restart"), path);
        if (restart != null) {
            task.set("RestartPolicy", restart);
        }
        task.set("Placement", ComposeDeploy.placement(deploy.path("placement")));
        task.set("Networks", serviceNetworkRefs(name, s));

        ObjectNode mode = spec.putObject("Mode");
        String modeName = deploy.path("mode").asText("replicated");
        Long replicas = integer(deploy.path("replicas"), path + ".deploy.replicas");
        if (modeName.equals("global")) {
            if (replicas != null) {
                throw new InvalidSpecException(path + ".deploy.replicas", replicas,
                        "replicas cannot be set with mode: global", "remove replicas, or use mode: replicated");
            }
            mode.putObject("Global");
        } else if (modeName.equals("replicated")) {
            mode.putObject("Replicated").put("Replicas", replicas == null ? 1 : replicas);
        } else {
            throw new InvalidSpecException(path + ".deploy.mode", modeName, "stack deploy knows replicated and global",
                    "use one of those");
        }
        ObjectNode update = ComposeDeploy.updateConfig(deploy.path("update_config"), path + ".deploy.update_config");
        if (update != null) {
            spec.set("UpdateConfig", update);
        }
        ObjectNode rollback = ComposeDeploy.updateConfig(deploy.path("rollback_config"),
                path + ".deploy.rollback_config");
        if (rollback != null) {
            spec.set("RollbackConfig", rollback);
        }
        spec.set("EndpointSpec", ComposeDeploy.endpoint(deploy.path("endpoint_mode"), s.path("ports"), path));
        return spec;
    }

    // ---- service networks ----

    /** The service's networks (default when none), by compose key. */
    private Map<String, JsonNode> serviceNetworks(JsonNode s) {
        Map<String, JsonNode> networks = ComposeValues.names(s.path("networks"));
        if (networks.isEmpty()) {
            networks.put("default", null);
        }
        return networks;
    }

    /** Targets by engine name with the service name as alias, sorted by target as the CLI sorts them. */
    private ArrayNode serviceNetworkRefs(String service, JsonNode s) {
        Map<String, ObjectNode> refs = new TreeMap<>();
        serviceNetworks(s).forEach((key, options) -> {
            if (!key.equals("default") && !project.path("networks").has(key)) {
                throw new InvalidSpecException("services." + service + ".networks", key,
                        "the service uses a network the file does not define", "define it under networks:");
            }
            ObjectNode ref = SwarmCalls.object();
            String target = objectName("networks", key);
            ref.put("Target", target);
            ArrayNode aliases = ref.putArray("Aliases");
            if (options != null && options.isObject()) {
                options.path("aliases").forEach(a -> aliases.add(a.asText()));
            }
            aliases.add(service); // after the file's aliases, as the CLI appends it
            refs.put(target, ref);
        });
        ArrayNode array = SwarmCalls.object().arrayNode();
        refs.values().forEach(array::add);
        return array;
    }
}
