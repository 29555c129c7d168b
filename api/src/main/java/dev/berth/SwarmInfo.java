package dev.berth;

import java.time.Instant;

/** {@code docker swarm inspect}: the cluster's id, when it was made, and its node counts. */
public record SwarmInfo(String id, Instant createdAt, String nodeId, String nodeAddress, int managers, int nodes) {
}
