package dev.berth;

import java.time.Instant;

/**
 * {@code docker swarm inspect}: the cluster's id, when it was made, and its node counts.
 *
 * @param id the swarm id
 * @param createdAt when the swarm was initialised
 * @param nodeId this engine's node id
 * @param nodeAddress this engine's node address
 * @param managers the number of managers
 * @param nodes the number of nodes
 */
public record SwarmInfo(String id, Instant createdAt, String nodeId, String nodeAddress, int managers, int nodes) {
}
