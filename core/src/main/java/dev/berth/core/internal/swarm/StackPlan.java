package dev.berth.core.internal.swarm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * What {@code docker stack deploy} would create for a compose project: network create bodies, secret and config
 * blobs, and service specs (secrets/configs referenced by name; the deployer puts in their ids). Keyed by the
 * scoped engine names ({@code STACK_web}), sorted.
 */
record StackPlan(String stack, Map<String, ObjectNode> networks, Map<String, Blob> secrets,
        Map<String, Blob> configs, Map<String, ObjectNode> services) {

    /** A secret or config: data read from its file, and its labels. */
    record Blob(byte[] data, Map<String, String> labels) {
        @Override
        public String toString() {
            return "Blob[" + data.length + " bytes, " + labels + "]";
        }
    }
}
