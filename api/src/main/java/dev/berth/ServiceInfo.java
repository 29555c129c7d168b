package dev.berth;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code docker service inspect / ls}: what the engine holds for a service. {@code running}/{@code desired} are the
 * task counts of {@code docker service ls}; {@code updateState} is empty when no update ran ({@code updating},
 * {@code completed}, {@code paused}, {@code rollback_completed} ...). {@code ports} are the
 * endpoint's ports (a published port of 0 in host mode: see the task's container). {@code specJson} is the engine's
 * spec as JSON.
 */
public record ServiceInfo(String id, String name, long version, String image, boolean global, int replicas,
        int running, int desired, Map<String, String> labels, List<ServicePort> ports, String updateState,
        String updateMessage, Instant createdAt, Instant updatedAt, String specJson) {
    public ServiceInfo {
        labels = Map.copyOf(labels);
        ports = List.copyOf(ports);
    }

    @Override
    public String toString() {
        return name + " " + image + " " + (global ? "global" : "replicated") + " " + running + "/" + desired
                + (ports.isEmpty() ? "" : " " + ports) + (updateState.isEmpty() ? "" : " update " + updateState);
    }
}
