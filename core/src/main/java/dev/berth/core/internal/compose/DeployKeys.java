package dev.berth.core.internal.compose;

import java.util.Set;

/** A service's {@code deploy:} section: the parts one engine uses (resources, replicas, restart_policy) typed. */
final class DeployKeys {
    static final Set<String> KEYS = Set.of("mode", "replicas", "labels", "resources", "restart_policy", "placement",
            "update_config", "rollback_config", "endpoint_mode");

    private DeployKeys() {
    }

    static YNode.Map deploy(YNode node, String path) {
        YNode.Map m = Canon.mapOrNull(node, path).copy();
        Canon.onlyKeys(m, path, KEYS);
        if (m.has("replicas")) {
            m.put("replicas", Canon.integer(m.get("replicas"), path + ".replicas"));
        }
        if (m.has("labels")) {
            m.put("labels", Canon.keyValues(m.get("labels"), path + ".labels", k -> ""));
        }
        if (m.has("resources")) {
            YNode.Map resources = Canon.mapOrNull(m.get("resources"), path + ".resources");
            Canon.onlyKeys(resources, path + ".resources", Set.of("limits", "reservations"));
            for (String kind : new String[] {"limits", "reservations"}) {
                if (resources.has(kind)) {
                    resources.put(kind, limits(resources.get(kind), path + ".resources." + kind));
                }
            }
        }
        if (m.has("restart_policy")) {
            String p = path + ".restart_policy";
            YNode.Map policy = Canon.mapOrNull(m.get("restart_policy"), p);
            Canon.onlyKeys(policy, p, Set.of("condition", "delay", "max_attempts", "window"));
            if (policy.has("condition") && !Set.of("none", "on-failure", "any").contains(
                    Canon.string(policy.get("condition"), p + ".condition"))) {
                throw ComposeErrors.at(policy.get("condition"), p + ".condition", "'"
                        + Canon.text(policy.get("condition")) + "' is not a restart condition",
                        "use none, on-failure or any");
            }
            for (String key : new String[] {"delay", "window"}) {
                if (policy.has(key)) {
                    policy.put(key, Canon.duration(policy.get(key), p + "." + key));
                }
            }
            if (policy.has("max_attempts")) {
                policy.put("max_attempts", Canon.integer(policy.get("max_attempts"), p + ".max_attempts"));
            }
        }
        if (!m.has("resources")) {
            m.put("resources", YNode.map(m.mark()));
        }
        if (!m.has("placement")) {
            m.put("placement", YNode.map(m.mark()));
        }
        return m;
    }

    private static YNode.Map limits(YNode node, String path) {
        YNode.Map m = Canon.mapOrNull(node, path);
        Canon.onlyKeys(m, path, Set.of("cpus", "memory", "pids", "devices", "generic_resources"));
        if (m.has("cpus")) {
            m.put("cpus", Canon.number(m.get("cpus"), path + ".cpus"));
        }
        if (m.has("memory")) {
            m.put("memory", Canon.bytes(m.get("memory"), path + ".memory"));
        }
        if (m.has("pids")) {
            m.put("pids", Canon.integer(m.get("pids"), path + ".pids"));
        }
        return m;
    }
}
