package dev.berth;

import java.util.Map;

/** {@code docker node inspect}: one engine in the swarm. */
public record NodeInfo(String id, String hostname, Role role, Availability availability, String state,
        String address, boolean leader, String engineVersion, Map<String, String> labels, long version) {
    public NodeInfo {
        labels = Map.copyOf(labels);
    }

    public enum Role { MANAGER, WORKER }

    /** Whether the scheduler may place tasks on the node ({@code drain} moves its tasks away). */
    public enum Availability {
        ACTIVE, PAUSE, DRAIN;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
