package dev.berth.core.internal.swarm;

import static dev.berth.core.internal.swarm.ComposeValues.bool;
import static dev.berth.core.internal.swarm.ComposeValues.bytes;
import static dev.berth.core.internal.swarm.ComposeValues.integer;
import static dev.berth.core.internal.swarm.ComposeValues.keyValues;
import static dev.berth.core.internal.swarm.ComposeValues.mode;
import static dev.berth.core.internal.swarm.ComposeValues.nanoCpus;
import static dev.berth.core.internal.swarm.ComposeValues.nanos;
import static dev.berth.core.internal.swarm.ComposeValues.present;
import static dev.berth.core.internal.swarm.ComposeValues.text;
import static dev.berth.core.internal.swarm.ComposeValues.words;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.BerthLabels;
import dev.berth.InvalidSpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    private String scope(String name) {
        return stack + "_" + name;
    }

    /** The engine name of a top-level object: its {@code name:}, the external name, or STACK_key. */
    private String objectName(String section, String key) {
        JsonNode def = project.path(section).path(key);
        if (present(def.path("name")) && (isExternal(def) || !def.path("name").asText().equals(scope(key)))) {
            return def.path("name").asText();
        }
        if (isExternal(def) && present(def.path("external").path("name"))) {
            return def.path("external").path("name").asText();
        }
        return isExternal(def) ? key : scope(key);
    }

    private static boolean isExternal(JsonNode def) {
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
    private Map<String, String> stackLabels(JsonNode own) {
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
        task.set("ContainerSpec", container(name, s, path));
        task.set("Resources", resources(deploy.path("resources"), path + ".deploy.resources"));
        ObjectNode restart = restartPolicy(deploy.path("restart_policy"), s.path("restart"), path);
        if (restart != null) {
            task.set("RestartPolicy", restart);
        }
        task.set("Placement", placement(deploy.path("placement")));
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
        ObjectNode update = updateConfig(deploy.path("update_config"), path + ".deploy.update_config");
        if (update != null) {
            spec.set("UpdateConfig", update);
        }
        ObjectNode rollback = updateConfig(deploy.path("rollback_config"), path + ".deploy.rollback_config");
        if (rollback != null) {
            spec.set("RollbackConfig", rollback);
        }
        spec.set("EndpointSpec", endpoint(deploy.path("endpoint_mode"), s.path("ports"), path));
        return spec;
    }

    private ObjectNode container(String name, JsonNode s, String path) {
        ObjectNode c = SwarmCalls.object();
        c.put("Image", s.path("image").asText());
        ObjectNode labels = c.putObject("Labels");
        stackLabels(s.path("labels")).forEach(labels::put);
        putWords(c, "Command", words(s.path("entrypoint"), path + ".entrypoint"));
        putWords(c, "Args", words(s.path("command"), path + ".command"));
        if (present(s.path("hostname"))) {
            c.put("Hostname", s.path("hostname").asText());
        }
        Map<String, String> env = new TreeMap<>();
        envFiles(s.path("env_file"), path).forEach(env::put);
        env.putAll(keyValues(s.path("environment")));
        if (!env.isEmpty()) {
            ArrayNode array = c.putArray("Env");
            env.forEach((k, v) -> array.add(v == null ? k : k + "=" + v));
        }
        if (present(s.path("working_dir"))) {
            c.put("Dir", s.path("working_dir").asText());
        }
        if (present(s.path("user"))) {
            c.put("User", s.path("user").asText());
        }
        ArrayNode mounts = mounts(s.path("volumes"), path);
        if (!mounts.isEmpty()) {
            c.set("Mounts", mounts);
        }
        Long grace = nanos(s.path("stop_grace_period"), path + ".stop_grace_period");
        if (grace != null) {
            c.put("StopGracePeriod", grace);
        }
        if (present(s.path("stop_signal"))) {
            c.put("StopSignal", s.path("stop_signal").asText());
        }
        if (bool(s.path("tty"))) {
            c.put("TTY", true);
        }
        if (bool(s.path("stdin_open"))) {
            c.put("OpenStdin", true);
        }
        if (bool(s.path("read_only"))) {
            c.put("ReadOnly", true);
        }
        if (present(s.path("init"))) {
            c.put("Init", bool(s.path("init")));
        }
        putWords(c, "CapabilityAdd", words(s.path("cap_add"), path + ".cap_add"));
        putWords(c, "CapabilityDrop", words(s.path("cap_drop"), path + ".cap_drop"));
        ObjectNode health = healthcheck(s.path("healthcheck"), path + ".healthcheck");
        if (health != null) {
            c.set("Healthcheck", health);
        }
        // the CLI always sends Privileges (credential_spec / SELinux), empty when the file sets none
        ObjectNode privileges = c.putObject("Privileges");
        privileges.putNull("CredentialSpec");
        privileges.putNull("SELinuxContext");
        ArrayNode secrets = fileRefs(s.path("secrets"), "secrets", path, false);
        if (!secrets.isEmpty()) {
            c.set("Secrets", secrets);
        }
        ArrayNode configs = fileRefs(s.path("configs"), "configs", path, true);
        if (!configs.isEmpty()) {
            c.set("Configs", configs);
        }
        return c;
    }

    private Map<String, String> envFiles(JsonNode node, String path) {
        Map<String, String> env = new TreeMap<>();
        if (!present(node)) {
            return env;
        }
        List<String> files = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(f -> files.add(f.isObject() ? f.path("path").asText() : f.asText()));
        } else {
            files.add(node.asText());
        }
        for (String file : files) {
            try {
                for (String line : Files.readAllLines(workingDir.resolve(file))) {
                    String trimmed = line.strip();
                    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                        continue;
                    }
                    int eq = trimmed.indexOf('=');
                    env.put(eq < 0 ? trimmed : trimmed.substring(0, eq), eq < 0 ? null : trimmed.substring(eq + 1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + path + ".env_file " + file, e);
            }
        }
        return env;
    }

    private ArrayNode mounts(JsonNode volumes, String path) {
        ArrayNode mounts = SwarmCalls.object().arrayNode();
        if (!present(volumes)) {
            return mounts;
        }
        for (JsonNode v : volumes) {
            String type;
            String source;
            String target;
            boolean readOnly;
            if (v.isObject()) {
                type = v.path("type").asText("volume");
                source = text(v.path("source"));
                target = v.path("target").asText();
                readOnly = bool(v.path("read_only"));
            } else {
                String[] parts = v.asText().split(":");
                if (parts.length == 1) {
                    type = "volume";
                    source = null;
                    target = parts[0];
                    readOnly = false;
                } else {
                    source = parts[0];
                    target = parts[1];
                    readOnly = parts.length > 2 && parts[2].contains("ro");
                    type = source.startsWith(".") || source.startsWith("/") || source.startsWith("~") ? "bind"
                            : "volume";
                }
            }
            ObjectNode mount = mounts.addObject();
            mount.put("Type", type);
            if (type.equals("volume") && source != null) {
                JsonNode def = project.path("volumes").path(source);
                mount.put("Source", objectName("volumes", source));
                mount.put("Target", target);
                if (readOnly) {
                    mount.put("ReadOnly", true);
                }
                ObjectNode options = mount.putObject("VolumeOptions");
                if (!isExternal(def)) {
                    ObjectNode labels = options.putObject("Labels");
                    stackLabels(def.path("labels")).forEach(labels::put);
                }
                if (present(def.path("driver"))) {
                    ObjectNode driver = options.putObject("DriverConfig");
                    driver.put("Name", def.path("driver").asText());
                    ObjectNode opts = driver.putObject("Options");
                    keyValues(def.path("driver_opts")).forEach(opts::put);
                }
            } else if (type.equals("bind")) {
                mount.put("Source", workingDir.resolve(source).normalize().toString());
                mount.put("Target", target);
                if (readOnly) {
                    mount.put("ReadOnly", true);
                }
            } else {
                if (source != null) {
                    mount.put("Source", source);
                }
                mount.put("Target", target);
                if (readOnly) {
                    mount.put("ReadOnly", true);
                }
            }
        }
        return mounts;
    }

    /** Secrets and configs given to a service: sorted by engine name, as the CLI sorts them. */
    private ArrayNode fileRefs(JsonNode refs, String section, String path, boolean config) {
        List<ObjectNode> list = new ArrayList<>();
        if (present(refs)) {
            for (JsonNode ref : refs) {
                String source = ref.isObject() ? ref.path("source").asText() : ref.asText();
                if (!project.path(section).has(source)) {
                    throw new InvalidSpecException(path + "." + section, source, "the service uses a " + section
                            .substring(0, section.length() - 1) + " the file does not define",
                            "define it under the top-level " + section + ":");
                }
                String target = ref.isObject() ? text(ref.path("target")) : null;
                if (!config && target != null && target.equals("/run/secrets/" + source)) {
                    target = source; // a normalized short form: the CLI sends the bare name
                }
                if (target == null) {
                    target = config ? "/" + source : source;
                }
                ObjectNode node = SwarmCalls.object();
                ObjectNode file = node.putObject("File");
                file.put("Name", target);
                file.put("UID", ref.isObject() ? ref.path("uid").asText("0") : "0");
                file.put("GID", ref.isObject() ? ref.path("gid").asText("0") : "0");
                Integer mode = ref.isObject() ? mode(ref.path("mode"), path + "." + section + ".mode") : null;
                file.put("Mode", mode == null ? 0444 : mode);
                String name = objectName(section, source);
                node.put(config ? "ConfigID" : "SecretID", "");
                node.put(config ? "ConfigName" : "SecretName", name);
                list.add(node);
            }
        }
        String key = config ? "ConfigName" : "SecretName";
        list.sort(Comparator.comparing(n -> n.path(key).asText()));
        ArrayNode array = SwarmCalls.object().arrayNode();
        list.forEach(array::add);
        return array;
    }

    private ObjectNode healthcheck(JsonNode h, String path) {
        if (!present(h)) {
            return null;
        }
        ObjectNode node = SwarmCalls.object();
        ArrayNode test = node.putArray("Test");
        if (bool(h.path("disable"))) {
            test.add("NONE");
            return node;
        }
        JsonNode t = h.path("test");
        if (t.isArray()) {
            t.forEach(w -> test.add(w.asText()));
        } else if (present(t)) {
            test.add("CMD-SHELL").add(t.asText());
        }
        putNanos(node, "Interval", nanos(h.path("interval"), path + ".interval"));
        putNanos(node, "Timeout", nanos(h.path("timeout"), path + ".timeout"));
        Long retries = integer(h.path("retries"), path + ".retries");
        if (retries != null) {
            node.put("Retries", retries);
        }
        putNanos(node, "StartPeriod", nanos(h.path("start_period"), path + ".start_period"));
        putNanos(node, "StartInterval", nanos(h.path("start_interval"), path + ".start_interval"));
        if (test.isEmpty()) {
            node.remove("Test");
        }
        return node;
    }

    private ObjectNode resources(JsonNode r, String path) {
        ObjectNode node = SwarmCalls.object();
        for (String[] kind : new String[][] {{"limits", "Limits"}, {"reservations", "Reservations"}}) {
            JsonNode k = r.path(kind[0]);
            if (!present(k)) {
                continue;
            }
            Long cpus = nanoCpus(k.path("cpus"), path + "." + kind[0] + ".cpus");
            Long memory = bytes(k.path("memory"), path + "." + kind[0] + ".memory");
            Long pids = integer(k.path("pids"), path + "." + kind[0] + ".pids");
            if ((cpus == null || cpus == 0) && (memory == null || memory == 0) && (pids == null || pids == 0)) {
                continue;
            }
            ObjectNode limits = node.putObject(kind[1]);
            if (cpus != null && cpus != 0) {
                limits.put("NanoCPUs", cpus);
            }
            if (memory != null && memory != 0) {
                limits.put("MemoryBytes", memory);
            }
            if (pids != null && pids != 0 && kind[0].equals("limits")) {
                limits.put("Pids", pids);
            }
        }
        return node;
    }

    /** deploy.restart_policy, else the service's {@code restart:} as the CLI translates it, else none. */
    private ObjectNode restartPolicy(JsonNode policy, JsonNode restart, String path) {
        ObjectNode node = SwarmCalls.object();
        if (present(policy)) {
            String condition = policy.path("condition").asText("any");
            node.put("Condition", condition);
            putNanos(node, "Delay", nanos(policy.path("delay"), path + ".deploy.restart_policy.delay"));
            Long attempts = integer(policy.path("max_attempts"), path + ".deploy.restart_policy.max_attempts");
            if (attempts != null) {
                node.put("MaxAttempts", attempts);
            }
            putNanos(node, "Window", nanos(policy.path("window"), path + ".deploy.restart_policy.window"));
            return node;
        }
        if (!present(restart)) {
            return null;
        }
        String text = restart.asText();
        if (text.equals("no")) {
            node.put("Condition", "none");
        } else if (text.equals("always") || text.equals("unless-stopped")) {
            node.put("Condition", "any");
        } else if (text.startsWith("on-failure")) {
            node.put("Condition", "on-failure");
            if (text.contains(":")) {
                node.put("MaxAttempts", Long.parseLong(text.substring(text.indexOf(':') + 1)));
            }
        } else {
            throw new InvalidSpecException(path + ".restart", text, "restart is no, always, on-failure[:N] or"
                    + " unless-stopped", "use one of those");
        }
        return node;
    }

    private ObjectNode placement(JsonNode p) {
        ObjectNode node = SwarmCalls.object();
        if (present(p.path("constraints")) && !p.path("constraints").isEmpty()) {
            ArrayNode constraints = node.putArray("Constraints");
            p.path("constraints").forEach(c -> constraints.add(c.asText()));
        }
        if (present(p.path("preferences")) && !p.path("preferences").isEmpty()) {
            ArrayNode prefs = node.putArray("Preferences");
            p.path("preferences").forEach(pref -> prefs.addObject().putObject("Spread")
                    .put("SpreadDescriptor", pref.path("spread").asText()));
        }
        if (present(p.path("max_replicas_per_node"))) {
            node.put("MaxReplicas", p.path("max_replicas_per_node").asLong());
        }
        return node;
    }

    private ObjectNode updateConfig(JsonNode u, String path) {
        if (!present(u)) {
            return null;
        }
        ObjectNode node = SwarmCalls.object();
        Long parallelism = integer(u.path("parallelism"), path + ".parallelism");
        node.put("Parallelism", parallelism == null ? 1 : parallelism);
        putNanos(node, "Delay", nanos(u.path("delay"), path + ".delay"));
        if (present(u.path("failure_action"))) {
            node.put("FailureAction", u.path("failure_action").asText());
        }
        putNanos(node, "Monitor", nanos(u.path("monitor"), path + ".monitor"));
        if (present(u.path("max_failure_ratio"))) {
            node.put("MaxFailureRatio", u.path("max_failure_ratio").asDouble());
        }
        if (present(u.path("order"))) {
            node.put("Order", u.path("order").asText());
        }
        return node;
    }

    private ObjectNode endpoint(JsonNode mode, JsonNode ports, String path) {
        ObjectNode node = SwarmCalls.object();
        node.put("Mode", present(mode) ? mode.asText().toLowerCase(java.util.Locale.ROOT) : "vip");
        if (present(ports) && !ports.isEmpty()) {
            List<ObjectNode> list = new ArrayList<>();
            for (JsonNode p : ports) {
                list.addAll(port(p, path + ".ports"));
            }
            list.sort(Comparator.comparingLong(p -> p.path("PublishedPort").asLong()));
            ArrayNode array = node.putArray("Ports");
            list.forEach(array::add);
        }
        return node;
    }

    private static List<ObjectNode> port(JsonNode p, String path) {
        List<ObjectNode> result = new ArrayList<>();
        if (p.isObject()) {
            ObjectNode port = SwarmCalls.object();
            port.put("Protocol", p.path("protocol").asText("tcp"));
            port.put("TargetPort", integer(p.path("target"), path + ".target"));
            Long published = present(p.path("published")) && !p.path("published").asText().isEmpty()
                    ? integer(p.path("published"), path + ".published") : null;
            if (published != null && published != 0) {
                port.put("PublishedPort", published);
            }
            port.put("PublishMode", p.path("mode").asText("ingress"));
            result.add(port);
            return result;
        }
        String text = p.asText();
        String protocol = "tcp";
        int slash = text.indexOf('/');
        if (slash >= 0) {
            protocol = text.substring(slash + 1);
            text = text.substring(0, slash);
        }
        String[] parts = text.split(":");
        String container = parts[parts.length - 1];
        String published = parts.length >= 2 ? parts[parts.length - 2] : "";
        if (container.contains("-") || published.contains("-")) {
            throw new InvalidSpecException(path, p.asText(), "port ranges are not mapped by Berth's stack deploy",
                    "list the ports one by one");
        }
        ObjectNode port = SwarmCalls.object();
        port.put("Protocol", protocol);
        port.put("TargetPort", Integer.parseInt(container));
        if (!published.isEmpty() && Integer.parseInt(published) != 0) {
            port.put("PublishedPort", Integer.parseInt(published));
        }
        port.put("PublishMode", "ingress");
        result.add(port);
        return result;
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

    private static void putWords(ObjectNode node, String key, List<String> words) {
        if (words != null && !words.isEmpty()) {
            ArrayNode array = node.putArray(key);
            words.forEach(array::add);
        }
    }

    private static void putNanos(ObjectNode node, String key, Long nanos) {
        if (nanos != null) {
            node.put(key, nanos);
        }
    }
}
