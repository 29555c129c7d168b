package dev.berth;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What {@code docker inspect} says about a container, in Berth's own terms. */
public record ContainerState(
        String id,
        String name,
        String image,
        ContainerStatus status,
        Integer exitCode,
        boolean oomKilled,
        long memoryLimit,
        Health health,
        Instant startedAt,
        Instant finishedAt,
        int restartCount,
        Map<String, String> ipAddresses,
        List<PublishedPort> ports,
        Map<String, String> labels,
        ContainerSettings settings) {

    public ContainerState {
        ipAddresses = Map.copyOf(ipAddresses);
        ports = List.copyOf(ports);
        labels = Map.copyOf(labels);
    }

    public boolean running() {
        return status == ContainerStatus.RUNNING;
    }

    /**
     * True when the engine reported an OOM kill, or, where it leaves {@code OOMKilled} false (some cgroup v2 hosts),
     * when the container had a memory limit and died of SIGKILL (exit 137): then it was probably out of memory.
     */
    public boolean probablyOutOfMemory() {
        return oomKilled || memoryLimit > 0 && exitCode != null && exitCode == 137 && status != ContainerStatus.RUNNING;
    }

    /** The container's IP address on the named network, or null when it is not attached to it. */
    public String ipAddress(String network) {
        return ipAddresses.get(network);
    }

    @Override
    public String toString() {
        return name + " (" + shortId(id) + ") " + image + " " + status.wireName()
                + (exitCode != null && status != ContainerStatus.RUNNING ? " exit=" + exitCode : "")
                + (oomKilled ? " OOM-killed" : probablyOutOfMemory() ? " probably-OOM-killed" : "")
                + (restartCount > 0 ? " restarts=" + restartCount : "")
                + (health != Health.NONE ? " health=" + health.name().toLowerCase(java.util.Locale.ROOT) : "")
                + (ports.isEmpty() ? "" : " ports=" + ports)
                + (ipAddresses.isEmpty() ? "" : " ip=" + ipAddresses);
    }

    static String shortId(String id) {
        return id == null || id.length() <= 12 ? id : id.substring(0, 12);
    }
}
