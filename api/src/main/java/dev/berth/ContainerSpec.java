package dev.berth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Everything {@code docker run} takes, as an immutable value: each call returns a new spec, so specs can be shared
 * between tests and threads. Values are checked when they are set, so a bad value fails here, before any engine
 * call, with an {@link InvalidSpecException} naming the rule and the fix.
 *
 * <p>The fields live in four value records ({@link Execution}, {@link Resources}, {@link Networking},
 * {@link Lifecycle}) plus image, name, labels and mounts; a change builds a new record through its canonical
 * constructor, so no copy can silently drop a field. Readers follow one rule: a plain noun, no {@code get}/{@code is}
 * prefix, and a no-argument reader never shares its name with a setter (the booleans are read through their group:
 * {@code spec.resources().readOnlyRootfs()}). {@link #toString()} masks {@link Secret}s and {@link #env()} masks them
 * too; {@link #environmentRevealed()} says in its name that it does not. Equality compares every field, secret
 * values included (never printed).
 */
public final class ContainerSpec {
    private final ImageRef image;
    private final String imageText;
    private final String name;
    private final Map<String, String> labels;
    private final List<Mount> mounts;
    private final Execution execution;
    private final Resources resources;
    private final Networking networking;
    private final Lifecycle lifecycle;

    private ContainerSpec(ImageRef image, String imageText, String name, Map<String, String> labels,
            List<Mount> mounts, Execution execution, Resources resources, Networking networking, Lifecycle lifecycle) {
        this.image = image;
        this.imageText = imageText;
        this.name = name;
        this.labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        this.mounts = List.copyOf(mounts);
        this.execution = execution;
        this.resources = resources;
        this.networking = networking;
        this.lifecycle = lifecycle;
    }

    /**
     * A spec for the image ({@code docker run IMAGE}); the reference is checked against Docker's grammar now, before any
     * engine call.
     *
     * @param image e.g. "nginx", "nginx:1.25", "ghcr.io/acme/app@sha256:…"
     * @return a spec with nothing else set
     * @throws InvalidImageReferenceException when the reference is malformed
     */
    public static ContainerSpec of(String image) {
        return new ContainerSpec(ImageRef.parse(image), image, null, Map.of(), List.of(), Execution.NONE,
                Resources.NONE, Networking.NONE, Lifecycle.NONE);
    }

    // ---- the process ----

    /**
     * {@code --name}: the container's name (without it the engine picks one).
     *
     * @param name letters, digits, '_', '.', '-', starting with a letter or digit
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when the name breaks that rule
     */
    public ContainerSpec name(String name) {
        String checked = Validation.containerName(name);
        return new ContainerSpec(image, imageText, checked, labels, mounts, execution, resources, networking,
                lifecycle);
    }

    /**
     * {@code docker run IMAGE COMMAND...}: replaces the image's CMD; at least one non-empty word.
     *
     * @param command the program and its arguments
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when there is no word or an empty one
     */
    public ContainerSpec command(String... command) {
        List<String> words = Validation.command("command", command, "command(\"sh\", \"-c\", \"echo hi\")");
        return with(execution.withCommand(words));
    }

    /**
     * {@code --entrypoint}: replaces the image's ENTRYPOINT; at least one non-empty word.
     *
     * @param entrypoint the program and its arguments
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when there is no word or an empty one
     */
    public ContainerSpec entrypoint(String... entrypoint) {
        List<String> words = Validation.command("entrypoint", entrypoint, "entrypoint(\"/bin/sh\", \"-c\")");
        return with(execution.withEntrypoint(words));
    }

    /**
     * {@code -e KEY=VALUE}: an environment variable; use {@code ""} for an empty value.
     *
     * @param key the variable's name
     * @param value its value
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when the key is empty or holds '=', or the value is null
     */
    public ContainerSpec env(String key, String value) {
        Validation.envKey(key);
        Validation.required("value of environment variable " + key, value,
                "pass \"\" for an empty value, or leave the variable out");
        return with(execution.withEnvironment(execution.environment().with(key, value, false)));
    }

    /**
     * {@code -e KEY=VALUE} whose value is masked everywhere Berth prints or logs (the engine still stores it in
     * clear, and {@code docker inspect} shows it).
     *
     * @param key the variable's name
     * @param value the secret value
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when the key is empty or holds '=', or the value is null
     */
    public ContainerSpec env(String key, Secret value) {
        Validation.envKey(key);
        Validation.required("secret value of environment variable " + key, value,
                "pass Secret.of(\"...\"), or leave the variable out");
        return with(execution.withEnvironment(execution.environment().with(key, value.reveal(), true)));
    }

    /**
     * {@code -e KEY=VALUE} for each entry.
     *
     * @param variables names and values
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when a key or value breaks the rules of {@link #env(String, String)}
     */
    public ContainerSpec env(Map<String, String> variables) {
        Validation.required("environment map", variables, "pass a map, e.g. Map.of(\"KEY\", \"value\")");
        ContainerSpec spec = this;
        for (var e : variables.entrySet()) {
            spec = spec.env(e.getKey(), e.getValue());
        }
        return spec;
    }

    /**
     * {@code -w}: the working directory, an absolute container path (the engine refuses relative ones).
     *
     * @param dir e.g. "/app"
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is not absolute
     */
    public ContainerSpec workdir(String dir) {
        Validation.absolutePath("working directory", dir, "start it with '/', e.g. \"/app\"");
        return with(execution.withWorkdir(dir));
    }

    /**
     * {@code --user}: {@code user}, {@code user:group}, {@code uid} or {@code uid:gid}.
     *
     * @param user e.g. "1000:1000" or "nobody"
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is blank
     */
    public ContainerSpec user(String user) {
        Validation.notBlank("user", user, "give a user name or uid, e.g. \"1000\" or \"1000:1000\"");
        return with(execution.withUser(user));
    }

    /**
     * {@code -it}: a TTY and an open stdin, for {@code container.attach(in, out)}.
     *
     * @return a new spec; this one is unchanged
     */
    public ContainerSpec interactive() {
        return with(execution.withTty(true).withStdinOpen(true));
    }

    /**
     * {@code -i} without a TTY: stdin open, stdout and stderr kept apart.
     *
     * @return a new spec; this one is unchanged
     */
    public ContainerSpec stdinOpen() {
        return with(execution.withStdinOpen(true));
    }

    // ---- metadata ----

    /**
     * {@code --label KEY=VALUE}.
     *
     * @param key the label's key
     * @param value its value ({@code ""} for none)
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when the key is empty or the value is null
     */
    public ContainerSpec label(String key, String value) {
        Validation.labelKey(key);
        Validation.required("value of label " + key, value, "pass \"\" for an empty value");
        var copy = new LinkedHashMap<>(labels);
        copy.put(key, value);
        return new ContainerSpec(image, imageText, name, copy, mounts, execution, resources, networking, lifecycle);
    }

    /**
     * {@code --label KEY=VALUE} for each entry.
     *
     * @param labels keys and values
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when a key or value breaks the rules of {@link #label(String, String)}
     */
    public ContainerSpec labels(Map<String, String> labels) {
        Validation.required("label map", labels, "pass a map, e.g. Map.of(\"app\", \"web\")");
        ContainerSpec spec = this;
        for (var e : labels.entrySet()) {
            spec = spec.label(e.getKey(), e.getValue());
        }
        return spec;
    }

    // ---- ports ----

    /**
     * {@code -p 127.0.0.1:hostPort:containerPort}.
     *
     * @param hostPort the fixed host port, 1 to 65535
     * @param containerPort the port inside the container
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when a port is out of range or the host port is already used in this spec
     */
    public ContainerSpec publish(int hostPort, int containerPort) {
        if (hostPort == 0) {
            throw new InvalidSpecException("host port", 0, "a fixed host port must be between 1 and 65535",
                    "call publish(" + containerPort + ") for a random free host port");
        }
        return publish(PortBinding.tcp(containerPort).toHostPort(hostPort));
    }

    /**
     * {@code -p 127.0.0.1::containerPort}: a random free host port, read back with {@code hostPort(containerPort)}.
     *
     * @param containerPort the port inside the container
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when the port is out of range
     */
    public ContainerSpec publish(int containerPort) {
        return publish(PortBinding.tcp(containerPort));
    }

    /**
     * {@code -p [IP:][HOSTPORT:]PORT[/PROTOCOL]} in full: protocol, host IP and host port.
     *
     * @param binding e.g. {@code PortBinding.udp(53).onAllInterfaces()}
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is null or its host port is already used in this spec
     */
    public ContainerSpec publish(PortBinding binding) {
        Validation.required("port binding", binding, "pass e.g. PortBinding.tcp(80), or call publish(80)");
        Validation.distinctHostPort(networking.ports(), binding);
        var ports = new ArrayList<>(networking.ports());
        ports.add(binding);
        return with(networking.withPorts(ports));
    }

    // ---- mounts ----

    /**
     * {@code --mount}: a volume, bind or tmpfs mount.
     *
     * @param mount e.g. {@code Mount.volume("data", "/data").readOnly()}
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when another mount has the same target
     */
    public ContainerSpec mount(Mount mount) {
        Validation.required("mount", mount, "pass e.g. Mount.volume(\"data\", \"/data\"), or call volume/bind/tmpfs");
        for (Mount existing : mounts) {
            if (existing.target().equals(mount.target())) {
                throw new InvalidSpecException("mount target", mount.target(), "two mounts cannot share a target",
                        "remove one of " + existing + " and " + mount);
            }
        }
        var copy = new ArrayList<>(mounts);
        copy.add(mount);
        return new ContainerSpec(image, imageText, name, labels, copy, execution, resources, networking, lifecycle);
    }

    /**
     * {@code -v name:target}.
     *
     * @param volumeName the named volume (the engine creates it when missing)
     * @param target the absolute path in the container
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when the name or target is invalid, or the target is taken
     */
    public ContainerSpec volume(String volumeName, String target) {
        return mount(Mount.volume(volumeName, target));
    }

    /**
     * {@code -v /host/path:target}.
     *
     * @param hostPath the host file or directory
     * @param target the absolute path in the container
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when the target is invalid or taken
     */
    public ContainerSpec bind(Path hostPath, String target) {
        return mount(Mount.bind(hostPath, target));
    }

    /**
     * {@code -v volume:target} for a volume handle.
     *
     * @param volume a volume from {@code docker.volumes()}
     * @param target the absolute path in the container
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when the target is invalid or taken
     */
    public ContainerSpec mount(Volume volume, String target) {
        Validation.required("volume", volume, "pass a volume from docker.volumes().create(...)");
        return mount(Mount.volume(volume.name(), target));
    }

    /**
     * {@code --mount type=tmpfs,destination=target}: an in-memory file system.
     *
     * @param target the absolute path in the container
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when the target is invalid or taken
     */
    public ContainerSpec tmpfs(String target) {
        return mount(Mount.tmpfs(target));
    }

    // ---- resources and security ----

    /**
     * {@code --memory}: "512m", "1g" … (binary units, at least 6m).
     *
     * @param size a number with b, k, m or g
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it does not parse or is below 6m
     */
    public ContainerSpec memory(String size) {
        return memoryBytes(Validation.parseSize("memory limit", size));
    }

    /**
     * {@code --memory BYTES}.
     *
     * @param bytes the limit in bytes (at least 6 MiB)
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is below 6 MiB
     */
    public ContainerSpec memoryBytes(long bytes) {
        long checked = Validation.memory("memory limit", bytes);
        return with(resources.withMemoryBytes(checked));
    }

    /**
     * {@code --cpus}: a positive number of CPUs, e.g. 0.5. The engine checks it against the host's CPU count.
     *
     * @param cpus from 0.01
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is below 0.01 or not a number
     */
    public ContainerSpec cpus(double cpus) {
        if (!(cpus >= 0.01) || cpus > 1_000_000) {
            throw new InvalidSpecException("cpus", cpus, "cpus must be a number from 0.01 to the host's CPU count",
                    "give e.g. cpus(0.5) or cpus(2)");
        }
        return with(resources.withNanoCpus(Math.round(cpus * 1e9)));
    }

    /**
     * {@code --pids-limit}; -1 for unlimited.
     *
     * @param limit the maximum number of processes
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is 0 or below -1
     */
    public ContainerSpec pidsLimit(long limit) {
        if (limit == 0 || limit < -1) {
            throw new InvalidSpecException("pids limit", limit, "the limit must be positive, or -1 for unlimited",
                    "give e.g. pidsLimit(100)");
        }
        return with(resources.withPidsLimit(limit));
    }

    /**
     * {@code --read-only}: the root file system is mounted read-only (mount volumes or tmpfs where it writes).
     *
     * @return a new spec; this one is unchanged
     */
    public ContainerSpec readOnlyRootfs() {
        return with(resources.withReadOnlyRootfs(true));
    }

    /**
     * {@code --cap-add}: e.g. "NET_ADMIN" (with or without the "CAP_" prefix), or "ALL".
     *
     * @param capabilities the capabilities to add
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when one is not a capability name
     */
    public ContainerSpec capAdd(String... capabilities) {
        var all = new LinkedHashSet<>(resources.capAdd());
        all.addAll(Validation.capabilities(capabilities));
        return with(resources.withCapAdd(all));
    }

    /**
     * {@code --cap-drop}: e.g. "NET_RAW" (with or without the "CAP_" prefix), or "ALL".
     *
     * @param capabilities the capabilities to drop
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when one is not a capability name
     */
    public ContainerSpec capDrop(String... capabilities) {
        var all = new LinkedHashSet<>(resources.capDrop());
        all.addAll(Validation.capabilities(capabilities));
        return with(resources.withCapDrop(all));
    }

    /**
     * {@code --shm-size}: the size of /dev/shm, "256m", "1g" … (binary units; the engine's default is 64m).
     *
     * @param size a number with b, k, m or g
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it does not parse or is not positive
     */
    public ContainerSpec shmSize(String size) {
        return shmSizeBytes(Validation.parseSize("shm size", size));
    }

    /**
     * {@code --shm-size BYTES}.
     *
     * @param bytes the size of /dev/shm in bytes, more than 0
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is not positive
     */
    public ContainerSpec shmSizeBytes(long bytes) {
        if (bytes <= 0) {
            throw new InvalidSpecException("shm size", bytes + " bytes", "/dev/shm must have a positive size",
                    "give e.g. \"256m\", or leave it out for the engine's 64m");
        }
        return with(resources.withShmSizeBytes(bytes));
    }

    /**
     * {@code --ulimit name=soft:hard}; a second call for the same name replaces the first.
     *
     * @param name e.g. "nofile", "nproc", "core", "memlock"
     * @param soft the soft limit, -1 for unlimited
     * @param hard the hard limit, -1 for unlimited, at least the soft limit
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when the name is not a ulimit or soft exceeds hard
     */
    public ContainerSpec ulimit(String name, long soft, long hard) {
        if (name == null || !ULIMITS.contains(name)) {
            throw new InvalidSpecException("ulimit", name, "not a ulimit the engine knows",
                    "use one of " + new java.util.TreeSet<>(ULIMITS));
        }
        if (soft < -1 || hard < -1 || (hard != -1 && (soft == -1 || soft > hard))) {
            throw new InvalidSpecException("ulimit " + name, soft + ":" + hard,
                    "limits are -1 (unlimited) or at least 0, and the soft limit may not exceed the hard one",
                    "write e.g. ulimit(\"" + name + "\", 1024, 2048)");
        }
        var all = new LinkedHashMap<>(resources.ulimits());
        all.put(name, new ContainerSettings.Ulimit(name, soft, hard));
        return with(resources.withUlimits(all));
    }

    /**
     * {@code --sysctl name=value}: a namespaced kernel parameter, e.g. "net.core.somaxconn" = "1024".
     *
     * @param name the parameter's dotted name
     * @param value its value
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when the name is not a dotted kernel parameter name or the value is null
     */
    public ContainerSpec sysctl(String name, String value) {
        if (name == null || !name.matches("[a-z0-9_]+(\\.[A-Za-z0-9_*/-]+)+")) {
            throw new InvalidSpecException("sysctl", name, "a sysctl is a dotted kernel parameter name",
                    "write e.g. sysctl(\"net.core.somaxconn\", \"1024\")");
        }
        Validation.required("value of sysctl " + name, value, "pass e.g. \"1\"");
        var all = new LinkedHashMap<>(resources.sysctls());
        all.put(name, value);
        return with(resources.withSysctls(all));
    }

    /**
     * {@code --init}: runs an init process as PID 1 that forwards signals and reaps zombies.
     *
     * @return a new spec; this one is unchanged
     */
    public ContainerSpec init() {
        return with(execution.withInit(true));
    }

    /**
     * {@code --platform os/arch[/variant]}: which variant of a multi-platform image to create (and pull).
     *
     * @param platform e.g. "linux/amd64" or "linux/arm64/v8"
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is not os/arch or os/arch/variant
     */
    public ContainerSpec platform(String platform) {
        if (platform == null || !platform.matches("[a-z0-9_]+/[a-z0-9_]+(/[a-z0-9_.]+)?")) {
            throw new InvalidSpecException("platform", platform, "a platform is os/arch or os/arch/variant",
                    "write e.g. \"linux/amd64\" or \"linux/arm64/v8\"");
        }
        return with(execution.withPlatform(platform));
    }

    /**
     * {@code --privileged}: every capability and access to the host's devices. Only for what needs it (e.g. Docker in
     * Docker); prefer {@link #capAdd(String...)}.
     *
     * @return a new spec; this one is unchanged
     */
    public ContainerSpec privileged() {
        return with(resources.withPrivileged(true));
    }

    /**
     * {@code --dns}: name servers for the container's /etc/resolv.conf, added to those set before.
     *
     * @param servers IP addresses, e.g. "1.1.1.1"
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when one is not an IP address
     */
    public ContainerSpec dns(String... servers) {
        Validation.required("DNS servers", servers, "pass e.g. dns(\"1.1.1.1\")");
        var all = new ArrayList<>(networking.dns());
        for (String server : servers) {
            Validation.hostIp("DNS server", server, false);
            all.add(server);
        }
        return with(networking.withDns(all));
    }

    /**
     * {@code --dns-search}: search domains for the container's /etc/resolv.conf, added to those set before.
     *
     * @param domains e.g. "example.internal"
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when one is not a domain name
     */
    public ContainerSpec dnsSearch(String... domains) {
        Validation.required("DNS search domains", domains, "pass e.g. dnsSearch(\"example.internal\")");
        var all = new ArrayList<>(networking.dnsSearch());
        for (String domain : domains) {
            Validation.hostname("DNS search domain", domain);
            all.add(domain);
        }
        return with(networking.withDnsSearch(all));
    }

    /** The names {@code docker run --ulimit} accepts (from the engine's ulimit table). */
    private static final Set<String> ULIMITS = Set.of("core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue",
            "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack", "as");

    // ---- networking ----

    /**
     * {@code --network NAME [--network-alias A]}, optionally with aliases other containers on that network can use.
     * Besides a network name: "bridge", "host", "none", or "container:NAME".
     *
     * @param network the network's name or mode
     * @param aliases host names other containers on it reach this one by
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when the name or an alias is invalid
     */
    public ContainerSpec network(String network, String... aliases) {
        Validation.networkMode(network);
        Validation.required("network aliases", aliases, "leave the aliases out, or name them");
        for (String alias : aliases) {
            Validation.hostname("network alias", alias);
        }
        return with(networking.withNetwork(network, List.of(aliases)));
    }

    /**
     * {@code --network} for a network handle.
     *
     * @param network a network from {@code docker.networks()}
     * @param aliases host names other containers on it reach this one by
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when an alias is invalid
     */
    public ContainerSpec network(Network network, String... aliases) {
        Validation.required("network", network, "pass a network from docker.networks().create(...)");
        return network(network.name(), aliases);
    }

    /**
     * {@code --hostname}.
     *
     * @param hostname a valid host name
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is not a valid host name
     */
    public ContainerSpec hostname(String hostname) {
        Validation.hostname("hostname", hostname);
        return with(networking.withHostname(hostname));
    }

    /**
     * {@code --add-host name:ip}: an /etc/hosts entry.
     *
     * @param hostname the name
     * @param ip an IP address, or "host-gateway"
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when the name or address is invalid
     */
    public ContainerSpec extraHost(String hostname, String ip) {
        Validation.hostname("extra host", hostname);
        Validation.hostIp("extra host IP", ip, true);
        var hosts = new LinkedHashMap<>(networking.extraHosts());
        hosts.put(hostname, ip);
        return with(networking.withExtraHosts(hosts));
    }

    // ---- lifecycle ----

    /**
     * {@code --restart}.
     *
     * @param policy e.g. {@code RestartPolicy.onFailure(3)}
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is null
     */
    public ContainerSpec restart(RestartPolicy policy) {
        Validation.required("restart policy", policy, "pass e.g. RestartPolicy.UNLESS_STOPPED");
        return with(lifecycle.withRestart(policy));
    }

    /**
     * {@code --health-cmd --health-interval --health-retries …}: replaces the image's HEALTHCHECK.
     *
     * @param check the check and its timing
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is null
     */
    public ContainerSpec healthCheck(HealthCheck check) {
        Validation.required("health check", check, "pass e.g. HealthCheck.cmd(\"pg_isready\")");
        return with(lifecycle.withHealthCheck(check));
    }

    /**
     * {@code --rm}: the engine removes the container when it exits.
     *
     * @return a new spec; this one is unchanged
     */
    public ContainerSpec autoRemove() {
        return with(lifecycle.withAutoRemove(true));
    }

    /**
     * {@code --stop-signal}: e.g. "SIGINT", "INT" or "2".
     *
     * @param signal the signal {@code docker stop} sends first
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is not a signal
     */
    public ContainerSpec stopSignal(String signal) {
        Validation.signal("stop signal", signal);
        return with(lifecycle.withStopSignal(signal));
    }

    /**
     * {@code --stop-timeout}: how long the engine waits after the stop signal before SIGKILL; whole seconds, 0 or
     * more.
     *
     * @param timeout the grace period
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is negative
     */
    public ContainerSpec stopTimeout(Duration timeout) {
        Validation.duration("stop timeout", timeout, Duration.ZERO, "give e.g. Duration.ofSeconds(10)");
        return with(lifecycle.withStopTimeout(timeout));
    }

    /**
     * {@code --pull missing|always|never}.
     *
     * @param policy when to pull the image
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is null
     */
    public ContainerSpec pull(PullPolicy policy) {
        Validation.required("pull policy", policy, "pass e.g. PullPolicy.IF_MISSING");
        return with(lifecycle.withPullPolicy(policy));
    }

    /**
     * What "ready" means for {@code run}; several calls add up (all must hold). The docker CLI has none: it returns
     * once the container started.
     *
     * @param wait e.g. {@code Wait.http(80, "/")}
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is null
     */
    public ContainerSpec waitFor(Wait wait) {
        Validation.required("wait", wait, "pass e.g. Wait.port(80), or leave waitFor out");
        var waits = new ArrayList<>(lifecycle.waits());
        waits.add(wait);
        return with(lifecycle.withWaits(waits));
    }

    // ---- reading ----

    /**
     * The image reference, parsed.
     *
     * @return registry, repository, tag and digest
     */
    public ImageRef image() {
        return image;
    }

    /**
     * The image exactly as written, which is what the engine is asked for.
     *
     * @return the reference text
     */
    public String imageName() {
        return imageText;
    }

    /**
     * The container name ({@code --name}).
     *
     * @return the name, or null for an engine-chosen one
     */
    public String name() {
        return name;
    }

    /**
     * The labels ({@code --label}).
     *
     * @return keys and values, in the order given
     */
    public Map<String, String> labels() {
        return labels;
    }

    /**
     * The mounts ({@code -v}, {@code --mount}, {@code --tmpfs}).
     *
     * @return the mounts, in the order given
     */
    public List<Mount> mounts() {
        return mounts;
    }

    /**
     * The environment ({@code -e}) with secret values masked ({@code ****}): safe to print or log.
     *
     * @return names and values
     */
    public Map<String, String> env() {
        return execution.environment().masked();
    }

    /**
     * The environment with secret values in clear: only for handing it to the engine.
     *
     * @return names and values
     */
    public Map<String, String> environmentRevealed() {
        return execution.environment().revealed();
    }

    /**
     * The published ports ({@code -p}).
     *
     * @return the bindings, in the order given
     */
    public List<PortBinding> ports() {
        return networking.ports();
    }

    /**
     * The readiness conditions {@code run} waits for.
     *
     * @return the waits, in the order given
     */
    public List<Wait> waits() {
        return lifecycle.waits();
    }

    /**
     * What runs: command, entrypoint, environment, working dir, user, TTY and stdin.
     *
     * @return that group
     */
    public Execution execution() {
        return execution;
    }

    /**
     * Limits and privileges: memory, CPUs, pids, read-only root, capabilities.
     *
     * @return that group
     */
    public Resources resources() {
        return resources;
    }

    /**
     * Where it is reachable: network, aliases, hostname, extra hosts, ports.
     *
     * @return that group
     */
    public Networking networking() {
        return networking;
    }

    /**
     * How it starts, stops and counts as ready.
     *
     * @return that group
     */
    public Lifecycle lifecycle() {
        return lifecycle;
    }

    /**
     * A SHA-256 (hex) over every field, secret values included, so two specs with the same fingerprint make the same
     * container (the JUnit extension adopts a running container for reuse by it); equal specs have equal fingerprints. Secrets enter only the hash. Deterministic across JVMs: maps and
     * sets are hashed sorted, waits by their rule text and timeout (predicates have no stable identity).
     *
     * @return 64 hex digits
     */
    public String fingerprint() {
        List<Object> parts = fingerprintParts();
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                byte[] bytes = String.valueOf(part).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                sha.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array()); // no ambiguous joins
                sha.update(bytes);
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** One part per field of the spec and of each group; ContainerSpecTest checks the count against the records. */
    List<Object> fingerprintParts() {
        Execution x = execution;
        Resources r = resources;
        Networking n = networking;
        Lifecycle l = lifecycle;
        return java.util.Arrays.asList(imageText, image, name, new java.util.TreeMap<>(labels), mounts,
                x.command(), x.entrypoint(), new java.util.TreeMap<>(x.environment().revealed()),
                new java.util.TreeSet<>(x.environment().secretKeys()), x.workdir(), x.user(), x.tty(), x.stdinOpen(), x.init(), x.platform(),
                r.memoryBytes(), r.nanoCpus(), r.pidsLimit(), r.readOnlyRootfs(), new java.util.TreeSet<>(r.capAdd()),
                new java.util.TreeSet<>(r.capDrop()), r.shmSizeBytes(), new java.util.TreeMap<>(r.ulimits()),
                new java.util.TreeMap<>(r.sysctls()), r.privileged(),
                n.network(), n.aliases(), n.hostname(), new java.util.TreeMap<>(n.extraHosts()), n.ports(), n.dns(),
                n.dnsSearch(),
                l.restart(), l.healthCheck(), l.autoRemove(), l.stopSignal(), l.stopTimeout(), l.pullPolicy(),
                l.waits().stream().map(w -> w + " within " + w.timeout()).toList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContainerSpec s && s.imageText.equals(imageText) && Objects.equals(s.name, name)
                && s.labels.equals(labels) && s.mounts.equals(mounts) && s.execution.equals(execution)
                && s.resources.equals(resources) && s.networking.equals(networking) && s.lifecycle.equals(lifecycle);
    }

    @Override
    public int hashCode() {
        return Objects.hash(imageText, name, labels, mounts, execution, resources, networking, lifecycle);
    }

    @Override
    public String toString() {
        StringJoiner s = new StringJoiner(" ", "ContainerSpec[", "]");
        s.add(imageText);
        add(s, "name", name);
        if (!execution.command().isEmpty()) {
            s.add("cmd=" + execution.command());
        }
        if (!execution.entrypoint().isEmpty()) {
            s.add("entrypoint=" + execution.entrypoint());
        }
        if (!execution.environment().isEmpty()) {
            s.add("env=" + execution.environment()); // masked
        }
        add(s, "workdir", execution.workdir());
        add(s, "user", execution.user());
        add(s, "hostname", networking.hostname());
        if (!labels.isEmpty()) {
            s.add("labels=" + labels);
        }
        if (!networking.ports().isEmpty()) {
            s.add("ports=" + networking.ports());
        }
        if (!mounts.isEmpty()) {
            s.add("mounts=" + mounts);
        }
        add(s, "restart", lifecycle.restart());
        add(s, "memory", resources.memoryBytes() == null ? null : (resources.memoryBytes() >> 20) + "MiB");
        add(s, "cpus", resources.nanoCpus() == null ? null : resources.nanoCpus() / 1e9);
        add(s, "pids", resources.pidsLimit());
        if (resources.readOnlyRootfs()) {
            s.add("read-only");
        }
        if (!resources.capAdd().isEmpty()) {
            s.add("cap-add=" + resources.capAdd());
        }
        if (!resources.capDrop().isEmpty()) {
            s.add("cap-drop=" + resources.capDrop());
        }
        add(s, "shm-size", resources.shmSizeBytes());
        if (!resources.ulimits().isEmpty()) {
            s.add("ulimits=" + resources.ulimits().values());
        }
        if (!resources.sysctls().isEmpty()) {
            s.add("sysctls=" + resources.sysctls());
        }
        if (execution.init()) {
            s.add("init");
        }
        add(s, "platform", execution.platform());
        if (resources.privileged()) {
            s.add("privileged");
        }
        if (!networking.dns().isEmpty()) {
            s.add("dns=" + networking.dns());
        }
        if (!networking.dnsSearch().isEmpty()) {
            s.add("dns-search=" + networking.dnsSearch());
        }
        add(s, "health", lifecycle.healthCheck() == null ? null : lifecycle.healthCheck().test());
        add(s, "network", networking.network() == null ? null
                : networking.network() + (networking.aliases().isEmpty() ? "" : networking.aliases()));
        if (!networking.extraHosts().isEmpty()) {
            s.add("hosts=" + networking.extraHosts());
        }
        if (lifecycle.autoRemove()) {
            s.add("rm");
        }
        if (execution.tty() || execution.stdinOpen()) {
            s.add(execution.tty() ? "-it" : "-i");
        }
        add(s, "stop-signal", lifecycle.stopSignal());
        add(s, "stop-timeout", lifecycle.stopTimeout());
        if (lifecycle.pullPolicy() != PullPolicy.IF_MISSING) {
            s.add("pull=" + lifecycle.pullPolicy());
        }
        if (!lifecycle.waits().isEmpty()) {
            s.add("wait=" + lifecycle.waits());
        }
        return s.toString();
    }

    private static void add(StringJoiner s, String key, Object value) {
        if (value != null) {
            s.add(key + "=" + value);
        }
    }

    private ContainerSpec with(Execution value) {
        return new ContainerSpec(image, imageText, name, labels, mounts, value, resources, networking, lifecycle);
    }

    private ContainerSpec with(Resources value) {
        return new ContainerSpec(image, imageText, name, labels, mounts, execution, value, networking, lifecycle);
    }

    private ContainerSpec with(Networking value) {
        return new ContainerSpec(image, imageText, name, labels, mounts, execution, resources, value, lifecycle);
    }

    private ContainerSpec with(Lifecycle value) {
        return new ContainerSpec(image, imageText, name, labels, mounts, execution, resources, networking, value);
    }

    /**
     * What runs: command, entrypoint, environment (masked when printed), working dir, user, TTY and stdin, init
     * process, platform.
     *
     * @param command the CMD override ({@code docker run IMAGE COMMAND}); empty for the image's
     * @param entrypoint the {@code --entrypoint} override; empty for the image's
     * @param environment the {@code -e} variables, secrets marked
     * @param workdir {@code -w}; null for the image's
     * @param user {@code --user}; null for the image's
     * @param tty {@code -t}
     * @param stdinOpen {@code -i}
     * @param init {@code --init}: an init process as PID 1 that reaps zombies and forwards signals
     * @param platform {@code --platform}, e.g. "linux/amd64"; null for the engine's
     */
    public record Execution(List<String> command, List<String> entrypoint, Environment environment, String workdir,
            String user, boolean tty, boolean stdinOpen, boolean init, String platform) {
        static final Execution NONE = new Execution(List.of(), List.of(), Environment.empty(), null, null, false,
                false, false, null);

        /**
         * Copies the collections, so the value cannot change.
         *
         * @param command see {@link #command()}
         * @param entrypoint see {@link #entrypoint()}
         * @param environment see {@link #environment()}
         * @param workdir see {@link #workdir()}
         * @param user see {@link #user()}
         * @param tty see {@link #tty()}
         * @param stdinOpen see {@link #stdinOpen()}
         * @param init see {@link #init()}
         * @param platform see {@link #platform()}
         */
        public Execution {
            command = List.copyOf(command);
            entrypoint = List.copyOf(entrypoint);
            Objects.requireNonNull(environment, "environment");
        }

        Execution withCommand(List<String> v) {
            return new Execution(v, entrypoint, environment, workdir, user, tty, stdinOpen, init, platform);
        }

        Execution withEntrypoint(List<String> v) {
            return new Execution(command, v, environment, workdir, user, tty, stdinOpen, init, platform);
        }

        Execution withEnvironment(Environment v) {
            return new Execution(command, entrypoint, v, workdir, user, tty, stdinOpen, init, platform);
        }

        Execution withWorkdir(String v) {
            return new Execution(command, entrypoint, environment, v, user, tty, stdinOpen, init, platform);
        }

        Execution withUser(String v) {
            return new Execution(command, entrypoint, environment, workdir, v, tty, stdinOpen, init, platform);
        }

        Execution withTty(boolean v) {
            return new Execution(command, entrypoint, environment, workdir, user, v, stdinOpen, init, platform);
        }

        Execution withStdinOpen(boolean v) {
            return new Execution(command, entrypoint, environment, workdir, user, tty, v, init, platform);
        }

        Execution withInit(boolean v) {
            return new Execution(command, entrypoint, environment, workdir, user, tty, stdinOpen, v, platform);
        }

        Execution withPlatform(String v) {
            return new Execution(command, entrypoint, environment, workdir, user, tty, stdinOpen, init, v);
        }
    }

    /**
     * Limits and privileges: memory, CPUs, pids, read-only root file system, capabilities, /dev/shm size, ulimits,
     * sysctls. Null = engine default.
     *
     * @param memoryBytes {@code --memory} in bytes, or null
     * @param nanoCpus {@code --cpus} in billionths of a CPU, or null
     * @param pidsLimit {@code --pids-limit}, or null
     * @param readOnlyRootfs {@code --read-only}
     * @param capAdd {@code --cap-add}
     * @param capDrop {@code --cap-drop}
     * @param shmSizeBytes {@code --shm-size} in bytes, or null (the engine's 64 MiB)
     * @param ulimits {@code --ulimit}, by name
     * @param sysctls {@code --sysctl}, name to value
     * @param privileged {@code --privileged}: every capability and every device
     */
    public record Resources(Long memoryBytes, Long nanoCpus, Long pidsLimit, boolean readOnlyRootfs,
            Set<String> capAdd, Set<String> capDrop, Long shmSizeBytes, Map<String, ContainerSettings.Ulimit> ulimits,
            Map<String, String> sysctls, boolean privileged) {
        static final Resources NONE = new Resources(null, null, null, false, Set.of(), Set.of(), null, Map.of(),
                Map.of(), false);

        /**
         * Copies the collections, so the value cannot change.
         *
         * @param memoryBytes see {@link #memoryBytes()}
         * @param nanoCpus see {@link #nanoCpus()}
         * @param pidsLimit see {@link #pidsLimit()}
         * @param readOnlyRootfs see {@link #readOnlyRootfs()}
         * @param capAdd see {@link #capAdd()}
         * @param capDrop see {@link #capDrop()}
         * @param shmSizeBytes see {@link #shmSizeBytes()}
         * @param ulimits see {@link #ulimits()}
         * @param sysctls see {@link #sysctls()}
         * @param privileged see {@link #privileged()}
         */
        public Resources {
            capAdd = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(capAdd));
            capDrop = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(capDrop));
            ulimits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ulimits));
            sysctls = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sysctls));
        }

        Resources withMemoryBytes(Long v) {
            return new Resources(v, nanoCpus, pidsLimit, readOnlyRootfs, capAdd, capDrop, shmSizeBytes, ulimits,
                    sysctls, privileged);
        }

        Resources withNanoCpus(Long v) {
            return new Resources(memoryBytes, v, pidsLimit, readOnlyRootfs, capAdd, capDrop, shmSizeBytes, ulimits,
                    sysctls, privileged);
        }

        Resources withPidsLimit(Long v) {
            return new Resources(memoryBytes, nanoCpus, v, readOnlyRootfs, capAdd, capDrop, shmSizeBytes, ulimits,
                    sysctls, privileged);
        }

        Resources withReadOnlyRootfs(boolean v) {
            return new Resources(memoryBytes, nanoCpus, pidsLimit, v, capAdd, capDrop, shmSizeBytes, ulimits,
                    sysctls, privileged);
        }

        Resources withCapAdd(Set<String> v) {
            return new Resources(memoryBytes, nanoCpus, pidsLimit, readOnlyRootfs, v, capDrop, shmSizeBytes, ulimits,
                    sysctls, privileged);
        }

        Resources withCapDrop(Set<String> v) {
            return new Resources(memoryBytes, nanoCpus, pidsLimit, readOnlyRootfs, capAdd, v, shmSizeBytes, ulimits,
                    sysctls, privileged);
        }

        Resources withShmSizeBytes(Long v) {
            return new Resources(memoryBytes, nanoCpus, pidsLimit, readOnlyRootfs, capAdd, capDrop, v, ulimits,
                    sysctls, privileged);
        }

        Resources withUlimits(Map<String, ContainerSettings.Ulimit> v) {
            return new Resources(memoryBytes, nanoCpus, pidsLimit, readOnlyRootfs, capAdd, capDrop, shmSizeBytes, v,
                    sysctls, privileged);
        }

        Resources withSysctls(Map<String, String> v) {
            return new Resources(memoryBytes, nanoCpus, pidsLimit, readOnlyRootfs, capAdd, capDrop, shmSizeBytes,
                    ulimits, v, privileged);
        }

        Resources withPrivileged(boolean v) {
            return new Resources(memoryBytes, nanoCpus, pidsLimit, readOnlyRootfs, capAdd, capDrop, shmSizeBytes,
                    ulimits, sysctls, v);
        }
    }

    /**
     * Where it is reachable: network and aliases, hostname, extra /etc/hosts entries, published ports.
     *
     * @param network {@code --network}, or null for the default bridge
     * @param aliases {@code --network-alias}
     * @param hostname {@code --hostname}, or null
     * @param extraHosts {@code --add-host} entries, name to IP
     * @param ports {@code -p} bindings
     * @param dns {@code --dns} name servers
     * @param dnsSearch {@code --dns-search} domains
     */
    public record Networking(String network, List<String> aliases, String hostname, Map<String, String> extraHosts,
            List<PortBinding> ports, List<String> dns, List<String> dnsSearch) {
        static final Networking NONE = new Networking(null, List.of(), null, Map.of(), List.of(), List.of(),
                List.of());

        /**
         * Copies the collections, so the value cannot change.
         *
         * @param network see {@link #network()}
         * @param aliases see {@link #aliases()}
         * @param hostname see {@link #hostname()}
         * @param extraHosts see {@link #extraHosts()}
         * @param ports see {@link #ports()}
         * @param dns see {@link #dns()}
         * @param dnsSearch see {@link #dnsSearch()}
         */
        public Networking {
            dns = List.copyOf(dns);
            dnsSearch = List.copyOf(dnsSearch);
            aliases = List.copyOf(aliases);
            extraHosts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extraHosts));
            ports = List.copyOf(ports);
        }

        Networking withNetwork(String v, List<String> newAliases) {
            return new Networking(v, newAliases, hostname, extraHosts, ports, dns, dnsSearch);
        }

        Networking withHostname(String v) {
            return new Networking(network, aliases, v, extraHosts, ports, dns, dnsSearch);
        }

        Networking withExtraHosts(Map<String, String> v) {
            return new Networking(network, aliases, hostname, v, ports, dns, dnsSearch);
        }

        Networking withPorts(List<PortBinding> v) {
            return new Networking(network, aliases, hostname, extraHosts, v, dns, dnsSearch);
        }

        Networking withDns(List<String> v) {
            return new Networking(network, aliases, hostname, extraHosts, ports, v, dnsSearch);
        }

        Networking withDnsSearch(List<String> v) {
            return new Networking(network, aliases, hostname, extraHosts, ports, dns, v);
        }
    }

    /**
     * How it starts, stops and counts as ready: restart policy, health check, --rm, stop signal/timeout, pull, waits.
     *
     * @param restart {@code --restart}, or null for the engine's default (no)
     * @param healthCheck the {@code --health-*} check, or null for the image's
     * @param autoRemove {@code --rm}
     * @param stopSignal {@code --stop-signal}, or null
     * @param stopTimeout {@code --stop-timeout}, or null
     * @param pullPolicy {@code --pull}
     * @param waits what {@code run} waits for
     */
    public record Lifecycle(RestartPolicy restart, HealthCheck healthCheck, boolean autoRemove, String stopSignal,
            Duration stopTimeout, PullPolicy pullPolicy, List<Wait> waits) {
        static final Lifecycle NONE = new Lifecycle(null, null, false, null, null, PullPolicy.IF_MISSING, List.of());

        /**
         * Copies the collections, so the value cannot change.
         *
         * @param restart see {@link #restart()}
         * @param healthCheck see {@link #healthCheck()}
         * @param autoRemove see {@link #autoRemove()}
         * @param stopSignal see {@link #stopSignal()}
         * @param stopTimeout see {@link #stopTimeout()}
         * @param pullPolicy see {@link #pullPolicy()}
         * @param waits see {@link #waits()}
         */
        public Lifecycle {
            Objects.requireNonNull(pullPolicy, "pullPolicy");
            waits = List.copyOf(waits);
        }

        Lifecycle withRestart(RestartPolicy v) {
            return new Lifecycle(v, healthCheck, autoRemove, stopSignal, stopTimeout, pullPolicy, waits);
        }

        Lifecycle withHealthCheck(HealthCheck v) {
            return new Lifecycle(restart, v, autoRemove, stopSignal, stopTimeout, pullPolicy, waits);
        }

        Lifecycle withAutoRemove(boolean v) {
            return new Lifecycle(restart, healthCheck, v, stopSignal, stopTimeout, pullPolicy, waits);
        }

        Lifecycle withStopSignal(String v) {
            return new Lifecycle(restart, healthCheck, autoRemove, v, stopTimeout, pullPolicy, waits);
        }

        Lifecycle withStopTimeout(Duration v) {
            return new Lifecycle(restart, healthCheck, autoRemove, stopSignal, v, pullPolicy, waits);
        }

        Lifecycle withPullPolicy(PullPolicy v) {
            return new Lifecycle(restart, healthCheck, autoRemove, stopSignal, stopTimeout, v, waits);
        }

        Lifecycle withWaits(List<Wait> v) {
            return new Lifecycle(restart, healthCheck, autoRemove, stopSignal, stopTimeout, pullPolicy, v);
        }
    }
}
