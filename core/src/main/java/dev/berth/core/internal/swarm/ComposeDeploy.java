package dev.berth.core.internal.swarm;

import static dev.berth.core.internal.swarm.ComposeValues.bool;
import static dev.berth.core.internal.swarm.ComposeValues.bytes;
import static dev.berth.core.internal.swarm.ComposeValues.integer;
import static dev.berth.core.internal.swarm.ComposeValues.mode;
import static dev.berth.core.internal.swarm.ComposeValues.nanoCpus;
import static dev.berth.core.internal.swarm.ComposeValues.nanos;
import static dev.berth.core.internal.swarm.ComposeValues.present;
import static dev.berth.core.internal.swarm.ComposeValues.text;
import static dev.berth.core.internal.swarm.ComposeValues.words;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.InvalidSpecException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The {@code deploy:} section and the other service-level policies, as the CLI's convert package writes them. */
final class ComposeDeploy {
    private ComposeDeploy() {
    }

    static ObjectNode healthcheck(JsonNode h, String path) {
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

    static ObjectNode resources(JsonNode r, String path) {
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
    static ObjectNode restartPolicy(JsonNode policy, JsonNode restart, String path) {
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

    static ObjectNode placement(JsonNode p) {
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

    static ObjectNode updateConfig(JsonNode u, String path) {
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

    static ObjectNode endpoint(JsonNode mode, JsonNode ports, String path) {
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

    static List<ObjectNode> port(JsonNode p, String path) {
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

    static void putWords(ObjectNode node, String key, List<String> words) {
        if (words != null && !words.isEmpty()) {
            ArrayNode array = node.putArray(key);
            words.forEach(array::add);
        }
    }

    static void putNanos(ObjectNode node, String key, Long nanos) {
        if (nanos != null) {
            node.put(key, nanos);
        }
    }
}
