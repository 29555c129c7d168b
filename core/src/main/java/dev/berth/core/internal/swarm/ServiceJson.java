package dev.berth.core.internal.swarm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.HealthCheck;
import dev.berth.ServiceFile;
import dev.berth.ServicePort;
import dev.berth.ServiceRestart;
import dev.berth.ServiceSpec;
import dev.berth.UpdateConfig;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A {@link ServiceSpec} as the engine's ServiceSpec JSON, written the way the docker CLI writes it: fields it leaves
 * out stay out (the engine fills its defaults), durations in nanoseconds, env sorted. Secrets and configs are
 * referenced by id, which {@code ids} resolves from their names.
 */
final class ServiceJson {
    private ServiceJson() {
    }

    static ObjectNode write(ServiceSpec spec, Function<String, String> secretIds, Function<String, String> configIds) {
        ObjectNode root = SwarmCalls.object();
        root.put("Name", spec.name());
        putStrings(root.putObject("Labels"), spec.labels());

        ObjectNode task = root.putObject("TaskTemplate");
        ObjectNode container = task.putObject("ContainerSpec");
        container.put("Image", spec.image());
        putStrings(container.putObject("Labels"), spec.containerLabels());
        if (!spec.entrypoint().isEmpty()) {
            strings(container.putArray("Command"), spec.entrypoint());
        }
        if (!spec.args().isEmpty()) {
            strings(container.putArray("Args"), spec.args());
        }
        if (!spec.env().isEmpty()) {
            ArrayNode env = container.putArray("Env");
            new TreeMap<>(spec.env()).forEach((k, v) -> env.add(v == null ? k : k + "=" + v));
        }
        if (spec.workdir() != null) {
            container.put("Dir", spec.workdir());
        }
        if (spec.user() != null) {
            container.put("User", spec.user());
        }
        if (spec.stopGracePeriod() != null) {
            container.put("StopGracePeriod", spec.stopGracePeriod().toNanos());
        }
        if (spec.healthCheck() != null) {
            container.set("Healthcheck", health(spec.healthCheck()));
        }
        if (!spec.secrets().isEmpty()) {
            ArrayNode secrets = container.putArray("Secrets");
            for (ServiceFile s : spec.secrets()) {
                ObjectNode ref = file(s, s.target() == null ? s.source() : s.target());
                ref.put("SecretID", secretIds.apply(s.source()));
                ref.put("SecretName", s.source());
                secrets.add(ref);
            }
        }
        if (!spec.configs().isEmpty()) {
            ArrayNode configs = container.putArray("Configs");
            for (ServiceFile c : spec.configs()) {
                ObjectNode ref = file(c, c.target() == null ? "/" + c.source() : c.target());
                ref.put("ConfigID", configIds.apply(c.source()));
                ref.put("ConfigName", c.source());
                configs.add(ref);
            }
        }

        ObjectNode resources = task.putObject("Resources");
        limits(resources, "Limits", spec.limitNanoCpus(), spec.limitMemory());
        limits(resources, "Reservations", spec.reserveNanoCpus(), spec.reserveMemory());
        if (spec.restart() != null) {
            task.set("RestartPolicy", restart(spec.restart()));
        }
        ObjectNode placement = task.putObject("Placement");
        if (!spec.constraints().isEmpty()) {
            strings(placement.putArray("Constraints"), spec.constraints());
        }
        if (!spec.spread().isEmpty()) {
            ArrayNode prefs = placement.putArray("Preferences");
            spec.spread().forEach(d -> prefs.addObject().putObject("Spread").put("SpreadDescriptor", d));
        }
        if (!spec.networks().isEmpty()) {
            ArrayNode networks = task.putArray("Networks");
            spec.networks().forEach(n -> networks.addObject().put("Target", n));
        }

        ObjectNode mode = root.putObject("Mode");
        if (spec.isGlobal()) {
            mode.putObject("Global");
        } else {
            mode.putObject("Replicated").put("Replicas", spec.replicas());
        }
        if (spec.update() != null) {
            root.set("UpdateConfig", update(spec.update()));
        }
        if (spec.rollback() != null) {
            root.set("RollbackConfig", update(spec.rollback()));
        }
        ObjectNode endpoint = root.putObject("EndpointSpec");
        endpoint.put("Mode", spec.endpointMode() == null ? "vip" : spec.endpointMode());
        if (!spec.ports().isEmpty()) {
            ArrayNode ports = endpoint.putArray("Ports");
            spec.ports().forEach(p -> ports.add(port(p)));
        }
        return root;
    }

    static ObjectNode port(ServicePort p) {
        ObjectNode port = SwarmCalls.object();
        port.put("Protocol", p.protocol().wireName());
        port.put("TargetPort", p.target());
        if (p.published() != 0) {
            port.put("PublishedPort", p.published());
        }
        port.put("PublishMode", p.hostMode() ? "host" : "ingress");
        return port;
    }

    static ObjectNode update(UpdateConfig u) {
        ObjectNode node = SwarmCalls.object();
        node.put("Parallelism", u.parallelism());
        if (u.delay() != null) {
            node.put("Delay", u.delay().toNanos());
        }
        if (u.failureAction() != null) {
            node.put("FailureAction", u.failureAction());
        }
        if (u.monitor() != null) {
            node.put("Monitor", u.monitor().toNanos());
        }
        node.put("MaxFailureRatio", u.maxFailureRatio());
        if (u.order() != null) {
            node.put("Order", u.order());
        }
        return node;
    }

    static ObjectNode restart(ServiceRestart r) {
        ObjectNode node = SwarmCalls.object();
        node.put("Condition", r.condition());
        if (r.delay() != null) {
            node.put("Delay", r.delay().toNanos());
        }
        node.put("MaxAttempts", r.maxAttempts());
        if (r.window() != null) {
            node.put("Window", r.window().toNanos());
        }
        return node;
    }

    static ObjectNode health(HealthCheck h) {
        ObjectNode node = SwarmCalls.object();
        strings(node.putArray("Test"), h.test());
        putNanos(node, "Interval", h.interval());
        putNanos(node, "Timeout", h.timeout());
        if (h.retries() > 0) {
            node.put("Retries", h.retries());
        }
        putNanos(node, "StartPeriod", h.startPeriod());
        return node;
    }

    private static ObjectNode file(ServiceFile f, String name) {
        ObjectNode ref = SwarmCalls.object();
        ObjectNode file = ref.putObject("File");
        file.put("Name", name);
        file.put("UID", "0");
        file.put("GID", "0");
        file.put("Mode", f.mode());
        return ref;
    }

    private static void limits(ObjectNode resources, String key, long nanoCpus, long memory) {
        if (nanoCpus == 0 && memory == 0) {
            return;
        }
        ObjectNode node = resources.putObject(key);
        if (nanoCpus != 0) {
            node.put("NanoCPUs", nanoCpus);
        }
        if (memory != 0) {
            node.put("MemoryBytes", memory);
        }
    }

    private static void putNanos(ObjectNode node, String key, Duration d) {
        if (d != null && !d.isZero()) {
            node.put(key, d.toNanos());
        }
    }

    static void putStrings(ObjectNode node, Map<String, String> values) {
        values.forEach(node::put);
    }

    static void strings(ArrayNode array, java.util.List<String> values) {
        values.forEach(array::add);
    }
}
