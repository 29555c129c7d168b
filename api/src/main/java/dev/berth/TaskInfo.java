package dev.berth;

import java.time.Instant;

/**
 * {@code docker service ps}: one task. {@code state} is the current state ({@code running}, {@code failed},
 * {@code rejected}, {@code shutdown} ...), {@code desiredState} what the swarm wants; {@code error} says why a
 * task failed ("task: non-zero exit (1)", "no suitable node ..."), empty when none; {@code ports}
 * are the host-mode ports the task published on its node.
 *
 * @param id the task id
 * @param serviceId the id of its service
 * @param slot the replica slot (replicated services)
 * @param nodeId the node it is assigned to
 * @param state the current state
 * @param desiredState the state the swarm wants
 * @param message the engine's status message
 * @param error why it failed, empty when it did not
 * @param exitCode the container's exit code, null while it has none
 * @param containerId its container, empty before one exists
 * @param timestamp when the state was last set
 * @param ports the host-mode ports it published
 */
public record TaskInfo(String id, String serviceId, int slot, String nodeId, String state, String desiredState,
        String message, String error, Integer exitCode, String containerId, Instant timestamp,
        java.util.List<ServicePort> ports) {
    /**
     * Copies the ports.
     *
     * @param id see {@link #id()}
     * @param serviceId see {@link #serviceId()}
     * @param slot see {@link #slot()}
     * @param nodeId see {@link #nodeId()}
     * @param state see {@link #state()}
     * @param desiredState see {@link #desiredState()}
     * @param message see {@link #message()}
     * @param error see {@link #error()}
     * @param exitCode see {@link #exitCode()}
     * @param containerId see {@link #containerId()}
     * @param timestamp see {@link #timestamp()}
     * @param ports see {@link #ports()}
     */
    public TaskInfo {
        ports = java.util.List.copyOf(ports);
    }

    /**
     * The node port a host-mode port got on this task's node (the {@code PORTS} column of {@code docker service ps}).
     *
     * @param target the port in the task's container
     * @return the node port, 0 when not published in host mode
     */
    public int hostPort(int target) {
        return ports.stream().filter(p -> p.target() == target && p.hostMode()).mapToInt(ServicePort::published)
                .findFirst().orElse(0);
    }

    /**
     * Whether the task's current state is {@code running}.
     *
     * @return true when running
     */
    public boolean isRunning() {
        return "running".equals(state);
    }

    @Override
    public String toString() {
        return id.substring(0, Math.min(12, id.length())) + " slot " + slot + " " + state + " (desired "
                + desiredState + ")" + (error.isEmpty() ? "" : " error: " + error);
    }
}
