package dev.berth.core.internal.compose;

import dev.berth.HealthCheck;
import dev.berth.RestartPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What {@code stacks().up} runs, typed: read from a {@link LoadedProject} by {@link ModelReader}, which has already
 * rejected (at their file:line:column) the keys a single engine cannot run yet. Each service keeps its normalized
 * JSON ({@link Service#configJson}) for Compose's config hash.
 */
public record ComposeModel(String project, Path workingDir, List<Path> files, Map<String, Service> services,
        Map<String, Network> networks, Map<String, Volume> volumes, Map<String, FileSource> secrets,
        Map<String, FileSource> configs) {

    public record Service(String name, String image, Build build, List<String> command, List<String> entrypoint,
            Map<String, String> environment, List<Port> ports, List<Mount> mounts, Map<String, Attachment> networks,
            Map<String, Dependency> dependsOn, HealthCheck healthCheck, RestartPolicy restart,
            Map<String, String> labels, Process process, Limits limits, List<FileMount> files, int replicas,
            String containerName, String networkMode, String configJson, String configHash, Extras extras) {
        /** This service with its references to other containers resolved (see {@code ServiceReferences}). */
        Service resolved(List<String> volumesFrom, String resolvedNetworkMode, String resolvedHash) {
            Extras x = new Extras(extras.expose(), volumesFrom, extras.links(), extras.logDriver(),
                    extras.logOptions(), extras.devices(), extras.dnsOptions(), extras.memoryReservation(),
                    extras.healthStartInterval());
            return new Service(name, image, build, command, entrypoint, environment, ports, mounts, networks,
                    dependsOn, healthCheck, restart, labels, process, limits, files, replicas, containerName,
                    resolvedNetworkMode, configJson, resolvedHash, x);
        }
    }

    /**
     * Keys {@code up} passes to the engine as Compose does, beyond what a {@code ContainerSpec} holds: {@code expose}
     * (as written), {@code volumes_from} and {@code links} (as written: resolved to containers at create),
     * {@code logging}, {@code devices}, {@code dns_opt}, the memory reservation and
     * {@code healthcheck.start_interval}. Null fields are not set.
     */
    public record Extras(List<String> expose, List<String> volumesFrom, List<String> links, String logDriver,
            Map<String, String> logOptions, List<dev.berth.core.internal.containers.CreateExtras.Device> devices,
            List<String> dnsOptions, Long memoryReservation, Duration healthStartInterval) {
        static final Extras NONE = new Extras(List.of(), List.of(), List.of(), null, Map.of(), List.of(), List.of(),
                null, null);
    }

    /** Where and as whom the process runs. Null fields are not set. */
    public record Process(String workdir, String user, String hostname, boolean tty, boolean stdinOpen,
            String stopSignal, Duration stopGracePeriod, boolean readOnly, List<String> capAdd, List<String> capDrop,
            Map<String, String> extraHosts, List<String> tmpfs, boolean init, String platform, Long shmSizeBytes,
            List<dev.berth.ContainerSettings.Ulimit> ulimits, Map<String, String> sysctls, boolean privileged,
            List<String> dns, List<String> dnsSearch) {
    }

    /** Null fields are not set. */
    public record Limits(Long memoryBytes, Double cpus, Long pids) {
    }

    /** {@code network}, {@code shmSizeBytes}: null when not set. */
    public record Build(Path context, Path dockerfile, String dockerfileInline, Map<String, String> args,
            String target, Map<String, String> labels, boolean noCache, boolean pull, String network,
            Map<String, String> extraHosts, Long shmSizeBytes, List<String> cacheFrom) {
    }

    /** A published port; {@code hostPort} 0 means the engine picks one; {@code hostIp} null binds 127.0.0.1. */
    public record Port(int containerPort, String protocol, String hostIp, int hostPort, int hostPortEnd) {
    }

    /** volume (named, or anonymous when {@code source} is null), bind or tmpfs. */
    public record Mount(String type, String source, String target, boolean readOnly, long tmpfsSize) {
    }

    /** One service network: aliases, and the fixed addresses the file gives (null: the engine picks). */
    public record Attachment(List<String> aliases, String ipv4Address, String ipv6Address) {
    }

    public record Dependency(String condition, boolean required, boolean restart) {
        public static final String STARTED = "service_started";
        public static final String HEALTHY = "service_healthy";
        public static final String COMPLETED = "service_completed_successfully";
    }

    /** A secret or config a service mounts: where it comes from and where it goes in the container. */
    public record FileMount(String source, String target, int mode) {
    }

    /** Exactly one of {@code file}, {@code environment} (the variable's name) or {@code content} is set. */
    public record FileSource(String name, Path file, String environment, String content, boolean external) {
    }

    /** {@code subnet} and {@code gateway} come from the first ipam config, the only one Berth supports. */
    public record Network(String name, boolean external, String driver, Map<String, String> labels, boolean internal,
            String subnet, String gateway, Map<String, String> driverOpts) {
    }

    public record Volume(String name, boolean external, String driver, Map<String, String> driverOpts,
            Map<String, String> labels) {
    }
}
