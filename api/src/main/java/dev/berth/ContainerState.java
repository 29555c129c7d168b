package dev.berth;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code docker inspect} says about a container, in Berth's own terms.
 *
 * @param id the full id
 * @param name the name, without the engine's leading '/'
 * @param image the image the container was created from, as named at create ({@code .Config.Image})
 * @param status created, running, paused, restarting, removing, exited or dead ({@code .State.Status})
 * @param exitCode the last exit code ({@code .State.ExitCode}); null when the engine did not say
 * @param oomKilled whether the engine reported an out-of-memory kill ({@code .State.OOMKilled})
 * @param memoryLimit the memory limit in bytes, 0 for none ({@code .HostConfig.Memory})
 * @param health the health check's status ({@code .State.Health.Status}); {@link Health#NONE} without a check
 * @param startedAt when it last started; null when never
 * @param finishedAt when it last exited; null when never
 * @param restartCount how often the engine restarted it under its restart policy ({@code .RestartCount})
 * @param ipAddresses its IP address by network name ({@code .NetworkSettings.Networks.*.IPAddress})
 * @param ports the ports actually published, with the host ports the engine chose
 *     ({@code .NetworkSettings.Ports}; {@code docker port})
 * @param labels its labels ({@code .Config.Labels})
 * @param settings how it was configured: user, limits, restart policy, capabilities, mounts, … ({@code .HostConfig})
 */
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

    /**
     * Copies the collections, so the value cannot change.
     *
     * @param id see {@link #id()}
     * @param name see {@link #name()}
     * @param image see {@link #image()}
     * @param status see {@link #status()}
     * @param exitCode see {@link #exitCode()}
     * @param oomKilled see {@link #oomKilled()}
     * @param memoryLimit see {@link #memoryLimit()}
     * @param health see {@link #health()}
     * @param startedAt see {@link #startedAt()}
     * @param finishedAt see {@link #finishedAt()}
     * @param restartCount see {@link #restartCount()}
     * @param ipAddresses see {@link #ipAddresses()}
     * @param ports see {@link #ports()}
     * @param labels see {@link #labels()}
     * @param settings see {@link #settings()}
     */
    public ContainerState {
        ipAddresses = Map.copyOf(ipAddresses);
        ports = List.copyOf(ports);
        labels = Map.copyOf(labels);
    }

    /**
     * Whether it is running ({@code docker ps} lists it).
     *
     * @return true when the status is running
     */
    public boolean running() {
        return status == ContainerStatus.RUNNING;
    }

    /**
     * True when the engine reported an OOM kill, or, where it leaves {@code OOMKilled} false (some cgroup v2 hosts),
     * when the container had a memory limit and died of SIGKILL (exit 137): then it was probably out of memory.
     *
     * @return whether it was (probably) killed for memory
     */
    public boolean probablyOutOfMemory() {
        return oomKilled || memoryLimit > 0 && exitCode != null && exitCode == 137 && status != ContainerStatus.RUNNING;
    }

    /**
     * The container's IP address on the named network ({@code docker inspect -f
     * '{{.NetworkSettings.Networks.NAME.IPAddress}}'}).
     *
     * @param network the network's name
     * @return the address, or null when it is not attached to it
     */
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
