package dev.berth;

import java.time.Instant;

/**
 * {@code docker service ps}: one task. {@code state} is the current state ({@code running}, {@code failed},
 * {@code rejected}, {@code shutdown} ...), {@code desiredState} what the swarm wants; {@code error} says why a
 * task failed ("task: non-zero exit (1)", "no suitable node ..."), empty when none; {@code ports}
 * are the host-mode ports the task published on its node.
 */
public record TaskInfo(String id, String serviceId, int slot, String nodeId, String state, String desiredState,
        String message, String error, Integer exitCode, String containerId, Instant timestamp,
        java.util.List<ServicePort> ports) {
    public TaskInfo {
        ports = java.util.List.copyOf(ports);
    }

    /** The node port a host-mode port got on this task's node (0 when not published in host mode). */
    public int hostPort(int target) {
        return ports.stream().filter(p -> p.target() == target && p.hostMode()).mapToInt(ServicePort::published)
                .findFirst().orElse(0);
    }

    public boolean isRunning() {
        return "running".equals(state);
    }

    @Override
    public String toString() {
        return id.substring(0, Math.min(12, id.length())) + " slot " + slot + " " + state + " (desired "
                + desiredState + ")" + (error.isEmpty() ? "" : " error: " + error);
    }
}
