package dev.berth;

import java.util.Map;

/**
 * {@code docker node inspect}: one engine in the swarm.
 *
 * @param id the node id
 * @param hostname the node's hostname
 * @param role manager or worker
 * @param availability whether tasks may be placed on it
 * @param state {@code ready}, {@code down}, ...
 * @param address the node's address
 * @param leader true for the managers' leader
 * @param engineVersion the node's docker engine version
 * @param labels the node labels ({@code node.labels.KEY} in constraints)
 * @param version the engine's object version (changes with every update)
 */
public record NodeInfo(String id, String hostname, Role role, Availability availability, String state,
        String address, boolean leader, String engineVersion, Map<String, String> labels, long version) {
    /**
     * Copies the labels.
     *
     * @param id see {@link #id()}
     * @param hostname see {@link #hostname()}
     * @param role see {@link #role()}
     * @param availability see {@link #availability()}
     * @param state see {@link #state()}
     * @param address see {@link #address()}
     * @param leader see {@link #leader()}
     * @param engineVersion see {@link #engineVersion()}
     * @param labels see {@link #labels()}
     * @param version see {@link #version()}
     */
    public NodeInfo {
        labels = Map.copyOf(labels);
    }

    /** The node's role ({@code docker node promote / demote}). */
    public enum Role {
        /** Runs the swarm's control plane (and tasks). */
        MANAGER,
        /** Runs tasks only. */
        WORKER
    }

    /** Whether the scheduler may place tasks on the node ({@code drain} moves its tasks away). */
    public enum Availability {
        /** New tasks may be placed on it. */
        ACTIVE,
        /** No new tasks; running ones stay. */
        PAUSE,
        /** No tasks: running ones are moved to other nodes. */
        DRAIN;

        /**
         * The name the engine and the CLI use ({@code --availability active}).
         *
         * @return the lower-case name
         */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
