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
 *
 * @param id the service id
 * @param name the service name
 * @param version the engine's object version (changes with every update)
 * @param image the image, as pinned by the engine (may carry a digest)
 * @param global true for {@code --mode global}
 * @param replicas replicas asked for (replicated services)
 * @param running running tasks
 * @param desired tasks the swarm wants
 * @param labels the service labels
 * @param ports the endpoint's ports
 * @param updateState the update state, empty when no update ran
 * @param updateMessage the engine's message on the update, empty when none
 * @param createdAt when the service was created
 * @param updatedAt when it was last updated
 * @param specJson the engine's spec as JSON
 */
public record ServiceInfo(String id, String name, long version, String image, boolean global, int replicas,
        int running, int desired, Map<String, String> labels, List<ServicePort> ports, String updateState,
        String updateMessage, Instant createdAt, Instant updatedAt, String specJson) {
    /**
     * Copies the labels and ports.
     *
     * @param id see {@link #id()}
     * @param name see {@link #name()}
     * @param version see {@link #version()}
     * @param image see {@link #image()}
     * @param global see {@link #global()}
     * @param replicas see {@link #replicas()}
     * @param running see {@link #running()}
     * @param desired see {@link #desired()}
     * @param labels see {@link #labels()}
     * @param ports see {@link #ports()}
     * @param updateState see {@link #updateState()}
     * @param updateMessage see {@link #updateMessage()}
     * @param createdAt see {@link #createdAt()}
     * @param updatedAt see {@link #updatedAt()}
     * @param specJson see {@link #specJson()}
     */
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
