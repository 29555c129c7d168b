package dev.berth.core.internal.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Whether a service must be updated: the spec Berth would send against the spec the engine holds. The engine fills
 * defaults into what it stores (UpdateConfig.Monitor, DNSConfig, Isolation ...), so a field Berth does not send is
 * not a change — except the fields a compose file owns entirely (labels, env, mounts, constraints, ports ...),
 * whose disappearance from the file is a change. Numbers compare by value (the engine writes 1, Jackson 1L).
 */
final class SpecDiff {
    /** Present in the engine's spec but absent from Berth's means "removed from the file". */
    private static final Set<String> OWNED = Set.of("Labels", "Env", "Args", "Command", "Mounts", "Secrets",
            "Configs", "Constraints", "Preferences", "Ports", "Healthcheck", "Limits", "Reservations", "Networks",
            "Hostname", "Dir", "User", "UpdateConfig", "RollbackConfig", "RestartPolicy", "StopSignal", "TTY",
            "OpenStdin", "ReadOnly", "Init", "CapabilityAdd", "CapabilityDrop", "MaxReplicas");
    /** Maps compared exactly: every key is the user's. */
    private static final Set<String> EXACT = Set.of("Labels", "Options");

    private SpecDiff() {
    }

    /** The first difference as a path, or null when the engine's spec already is what Berth would send. */
    static String difference(JsonNode wanted, JsonNode current) {
        return diff("", wanted, current, false);
    }

    private static String diff(String path, JsonNode wanted, JsonNode current, boolean exact) {
        if (wanted.isNumber() && current.isNumber()) {
            return wanted.decimalValue().compareTo(current.decimalValue()) == 0 ? null : path;
        }
        if (wanted.isObject()) {
            if (!current.isObject()) {
                return path;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = wanted.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = current.path(e.getKey());
                if (other.isMissingNode()) {
                    if (isEmpty(e.getValue())) {
                        continue; // {} or [] sent; the engine drops empty values
                    }
                    return path + "." + e.getKey();
                }
                String d = diff(path + "." + e.getKey(), e.getValue(), other, EXACT.contains(e.getKey()));
                if (d != null) {
                    return d;
                }
            }
            for (Iterator<String> it = current.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!wanted.has(key) && (exact || OWNED.contains(key)) && !isEmpty(current.path(key))) {
                    return path + "." + key;
                }
            }
            return null;
        }
        if (wanted.isArray()) {
            if (!current.isArray() || current.size() != wanted.size()) {
                return path;
            }
            for (int i = 0; i < wanted.size(); i++) {
                String d = diff(path + "[" + i + "]", wanted.get(i), current.get(i), exact);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return wanted.equals(current) ? null : path;
    }

    private static boolean isEmpty(JsonNode node) {
        return node.isNull() || ((node.isObject() || node.isArray()) && node.isEmpty());
    }
}
