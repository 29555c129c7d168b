package dev.berth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * Everything {@code docker run} takes, as an immutable value: each call returns a new spec, so specs can be shared
 * between tests and threads. Values are checked when they are set; {@link #toString()} masks {@link Secret}s.
 */
public final class ContainerSpec {
    private final Fields f;

    private ContainerSpec(Fields fields) {
        this.f = fields;
    }

    /** A spec for the image; the reference is checked against Docker's grammar now, before any engine call. */
    public static ContainerSpec of(String image) {
        Fields fields = new Fields();
        fields.image = ImageRef.parse(image);
        fields.imageText = image;
        return new ContainerSpec(fields);
    }

    // ---- identity and process ----

    public ContainerSpec name(String name) {
        String checked = Validation.containerName(name);
        return with(x -> x.name = checked);
    }

    /** Replaces the image's CMD. */
    public ContainerSpec command(String... command) {
        List<String> copy = List.of(command);
        return with(x -> x.command = copy);
    }

    /** Replaces the image's ENTRYPOINT. */
    public ContainerSpec entrypoint(String... entrypoint) {
        List<String> copy = List.of(entrypoint);
        return with(x -> x.entrypoint = copy);
    }

    public ContainerSpec env(String key, String value) {
        checkEnvKey(key);
        return with(x -> {
            x.env.put(key, value);
            x.secretEnv.remove(key);
        });
    }

    /** An environment variable whose value is masked everywhere Berth prints or logs. */
    public ContainerSpec env(String key, Secret value) {
        checkEnvKey(key);
        return with(x -> {
            x.env.put(key, value.reveal());
            x.secretEnv.add(key);
        });
    }

    public ContainerSpec env(Map<String, String> variables) {
        variables.keySet().forEach(ContainerSpec::checkEnvKey);
        return with(x -> x.env.putAll(variables));
    }

    public ContainerSpec workdir(String dir) {
        return with(x -> x.workdir = dir);
    }

    /** {@code user}, {@code user:group}, {@code uid} or {@code uid:gid}. */
    public ContainerSpec user(String user) {
        return with(x -> x.user = user);
    }

    public ContainerSpec hostname(String hostname) {
        return with(x -> x.hostname = hostname);
    }

    public ContainerSpec label(String key, String value) {
        Validation.notBlank("label key", key, "give a label key such as \"app\"");
        return with(x -> x.labels.put(key, value));
    }

    public ContainerSpec labels(Map<String, String> labels) {
        labels.keySet().forEach(k -> Validation.notBlank("label key", k, "give a label key such as \"app\""));
        return with(x -> x.labels.putAll(labels));
    }

    // ---- ports ----

    /** {@code -p 127.0.0.1:hostPort:containerPort}. */
    public ContainerSpec publish(int hostPort, int containerPort) {
        if (hostPort == 0) {
            throw new InvalidSpecException("host port", 0, "a fixed host port must be between 1 and 65535",
                    "call publish(" + containerPort + ") for a random free host port");
        }
        return publish(PortBinding.tcp(containerPort).toHostPort(hostPort));
    }

    /** {@code -p 127.0.0.1::containerPort}: a random free host port, read back with {@code hostPort(containerPort)}. */
    public ContainerSpec publish(int containerPort) {
        return publish(PortBinding.tcp(containerPort));
    }

    public ContainerSpec publish(PortBinding binding) {
        return with(x -> x.ports.add(binding));
    }

    // ---- mounts ----

    public ContainerSpec mount(Mount mount) {
        for (Mount existing : f.mounts) {
            if (existing.target().equals(mount.target())) {
                throw new InvalidSpecException("mount target", mount.target(), "two mounts cannot share a target",
                        "remove one of " + existing + " and " + mount);
            }
        }
        return with(x -> x.mounts.add(mount));
    }

    /** {@code -v name:target}. */
    public ContainerSpec volume(String volumeName, String target) {
        return mount(Mount.volume(volumeName, target));
    }

    /** {@code -v /host/path:target}. */
    public ContainerSpec bind(Path hostPath, String target) {
        return mount(Mount.bind(hostPath, target));
    }

    /** {@code -v volume:target} for a volume handle. */
    public ContainerSpec mount(Volume volume, String target) {
        return mount(Mount.volume(volume.name(), target));
    }

    public ContainerSpec tmpfs(String target) {
        return mount(Mount.tmpfs(target));
    }

    // ---- resources and security ----

    public ContainerSpec restart(RestartPolicy policy) {
        return with(x -> x.restart = policy);
    }

    /** {@code --memory}: "512m", "1g" … (binary units, at least 6m). */
    public ContainerSpec memory(String size) {
        long bytes = Validation.memory("memory limit", Validation.parseSize("memory limit", size));
        return with(x -> x.memoryBytes = bytes);
    }

    public ContainerSpec memoryBytes(long bytes) {
        long checked = Validation.memory("memory limit", bytes);
        return with(x -> x.memoryBytes = checked);
    }

    /** {@code --cpus}: a positive number of CPUs, e.g. 0.5. The engine checks it against the host's CPU count. */
    public ContainerSpec cpus(double cpus) {
        if (!(cpus >= 0.01) || Double.isInfinite(cpus)) {
            throw new InvalidSpecException("cpus", cpus, "cpus must be at least 0.01", "give e.g. cpus(0.5) or cpus(2)");
        }
        long nanoCpus = Math.round(cpus * 1e9);
        return with(x -> x.nanoCpus = nanoCpus);
    }

    /** {@code --pids-limit}; -1 for unlimited. */
    public ContainerSpec pidsLimit(long limit) {
        if (limit == 0 || limit < -1) {
            throw new InvalidSpecException("pids limit", limit, "the limit must be positive, or -1 for unlimited", null);
        }
        return with(x -> x.pidsLimit = limit);
    }

    public ContainerSpec readOnlyRootfs() {
        return with(x -> x.readOnlyRootfs = true);
    }

    public ContainerSpec capAdd(String... capabilities) {
        return with(x -> x.capAdd.addAll(List.of(capabilities)));
    }

    public ContainerSpec capDrop(String... capabilities) {
        return with(x -> x.capDrop.addAll(List.of(capabilities)));
    }

    public ContainerSpec healthCheck(HealthCheck check) {
        return with(x -> x.healthCheck = check);
    }

    // ---- networking ----

    /** {@code --network NAME}, optionally with aliases other containers on that network can use. */
    public ContainerSpec network(String network, String... aliases) {
        Validation.notBlank("network", network, "name a network, e.g. \"bridge\" or one you created");
        return with(x -> {
            x.network = network;
            x.aliases = List.of(aliases);
        });
    }

    /** {@code --network} for a network handle. */
    public ContainerSpec network(Network network, String... aliases) {
        return network(network.name(), aliases);
    }

    /** {@code --add-host name:ip}. */
    public ContainerSpec extraHost(String hostname, String ip) {
        Validation.notBlank("extra host", hostname, "give a host name");
        Validation.notBlank("extra host IP", ip, "give an IP, or \"host-gateway\" for the host");
        return with(x -> x.extraHosts.put(hostname, ip));
    }

    // ---- lifecycle ----

    /** {@code -it}: a TTY and an open stdin, for {@code container.attach(in, out)}. */
    public ContainerSpec interactive() {
        return with(x -> {
            x.tty = true;
            x.stdinOpen = true;
        });
    }

    /** {@code -i} without a TTY: stdin open, stdout and stderr kept apart. */
    public ContainerSpec stdinOpen() {
        return with(x -> x.stdinOpen = true);
    }

    /** {@code --rm}: the engine removes the container when it exits. */
    public ContainerSpec autoRemove() {
        return with(x -> x.autoRemove = true);
    }

    public ContainerSpec stopSignal(String signal) {
        return with(x -> x.stopSignal = signal);
    }

    public ContainerSpec stopTimeout(Duration timeout) {
        return with(x -> x.stopTimeout = timeout);
    }

    public ContainerSpec pull(PullPolicy policy) {
        return with(x -> x.pullPolicy = policy);
    }

    /** What "ready" means for {@code run}; several calls add up (all must hold). */
    public ContainerSpec waitFor(Wait wait) {
        return with(x -> x.waits.add(wait));
    }

    // ---- reading ----

    public ImageRef image() {
        return f.image;
    }

    /** The image exactly as written, which is what the engine is asked for. */
    public String imageName() {
        return f.imageText;
    }

    public String name() {
        return f.name;
    }

    public List<String> command() {
        return f.command;
    }

    public List<String> entrypoint() {
        return f.entrypoint;
    }

    public Map<String, String> env() {
        return Collections.unmodifiableMap(f.env);
    }

    public Set<String> secretEnvKeys() {
        return Collections.unmodifiableSet(f.secretEnv);
    }

    public String workdir() {
        return f.workdir;
    }

    public String user() {
        return f.user;
    }

    public String hostname() {
        return f.hostname;
    }

    public Map<String, String> labels() {
        return Collections.unmodifiableMap(f.labels);
    }

    public List<PortBinding> ports() {
        return Collections.unmodifiableList(f.ports);
    }

    public List<Mount> mounts() {
        return Collections.unmodifiableList(f.mounts);
    }

    public RestartPolicy restart() {
        return f.restart;
    }

    public Long memoryBytes() {
        return f.memoryBytes;
    }

    public Long nanoCpus() {
        return f.nanoCpus;
    }

    public Long pidsLimit() {
        return f.pidsLimit;
    }

    public boolean isReadOnlyRootfs() {
        return f.readOnlyRootfs;
    }

    public Set<String> capAdd() {
        return Collections.unmodifiableSet(f.capAdd);
    }

    public Set<String> capDrop() {
        return Collections.unmodifiableSet(f.capDrop);
    }

    public HealthCheck healthCheck() {
        return f.healthCheck;
    }

    public String network() {
        return f.network;
    }

    public List<String> networkAliases() {
        return f.aliases;
    }

    public Map<String, String> extraHosts() {
        return Collections.unmodifiableMap(f.extraHosts);
    }

    public boolean isAutoRemove() {
        return f.autoRemove;
    }

    public String stopSignal() {
        return f.stopSignal;
    }

    public Duration stopTimeout() {
        return f.stopTimeout;
    }

    public PullPolicy pullPolicy() {
        return f.pullPolicy;
    }

    public boolean tty() {
        return f.tty;
    }

    public boolean isStdinOpen() {
        return f.stdinOpen;
    }

    public List<Wait> waits() {
        return Collections.unmodifiableList(f.waits);
    }

    @Override
    public String toString() {
        StringJoiner s = new StringJoiner(" ", "ContainerSpec[", "]");
        s.add(f.imageText);
        add(s, "name", f.name);
        if (!f.command.isEmpty()) {
            s.add("cmd=" + f.command);
        }
        if (!f.entrypoint.isEmpty()) {
            s.add("entrypoint=" + f.entrypoint);
        }
        if (!f.env.isEmpty()) {
            Map<String, String> masked = new LinkedHashMap<>();
            f.env.forEach((k, v) -> masked.put(k, f.secretEnv.contains(k) ? "****" : v));
            s.add("env=" + masked);
        }
        add(s, "workdir", f.workdir);
        add(s, "user", f.user);
        add(s, "hostname", f.hostname);
        if (!f.labels.isEmpty()) {
            s.add("labels=" + f.labels);
        }
        if (!f.ports.isEmpty()) {
            s.add("ports=" + f.ports);
        }
        if (!f.mounts.isEmpty()) {
            s.add("mounts=" + f.mounts);
        }
        add(s, "restart", f.restart);
        add(s, "memory", f.memoryBytes == null ? null : (f.memoryBytes >> 20) + "MiB");
        add(s, "cpus", f.nanoCpus == null ? null : f.nanoCpus / 1e9);
        add(s, "pids", f.pidsLimit);
        if (f.readOnlyRootfs) {
            s.add("read-only");
        }
        if (!f.capAdd.isEmpty()) {
            s.add("cap-add=" + f.capAdd);
        }
        if (!f.capDrop.isEmpty()) {
            s.add("cap-drop=" + f.capDrop);
        }
        add(s, "health", f.healthCheck == null ? null : f.healthCheck.test());
        add(s, "network", f.network == null ? null : f.network + (f.aliases.isEmpty() ? "" : f.aliases));
        if (!f.extraHosts.isEmpty()) {
            s.add("hosts=" + f.extraHosts);
        }
        if (f.autoRemove) {
            s.add("rm");
        }
        if (f.tty || f.stdinOpen) {
            s.add(f.tty ? "-it" : "-i");
        }
        add(s, "stop-signal", f.stopSignal);
        add(s, "stop-timeout", f.stopTimeout);
        if (f.pullPolicy != PullPolicy.IF_MISSING) {
            s.add("pull=" + f.pullPolicy);
        }
        if (!f.waits.isEmpty()) {
            s.add("wait=" + f.waits);
        }
        return s.toString();
    }

    /**
     * A SHA-256 (hex) over every field of the spec, secret values included, so two specs with the same fingerprint
     * make the same container (the JUnit extension adopts a running container for reuse by it). Secrets enter only
     * the hash, never a printable text. Deterministic across JVMs. Each field of {@code Fields} must be listed here
     * (ContainerSpecTest checks the count).
     */
    public String fingerprint() {
        List<Object> parts = new ArrayList<>();
        parts.add(f.imageText);
        parts.add(f.image);
        parts.add(f.name);
        parts.add(f.command);
        parts.add(f.entrypoint);
        parts.add(new java.util.TreeMap<>(f.env)); // revealed values: secrets count, unprinted
        parts.add(new java.util.TreeSet<>(f.secretEnv));
        parts.add(f.workdir);
        parts.add(f.user);
        parts.add(f.hostname);
        parts.add(new java.util.TreeMap<>(f.labels));
        parts.add(f.ports);
        parts.add(f.mounts);
        parts.add(f.restart);
        parts.add(f.memoryBytes);
        parts.add(f.nanoCpus);
        parts.add(f.pidsLimit);
        parts.add(f.readOnlyRootfs);
        parts.add(new java.util.TreeSet<>(f.capAdd));
        parts.add(new java.util.TreeSet<>(f.capDrop));
        parts.add(f.healthCheck);
        parts.add(f.network);
        parts.add(f.aliases);
        parts.add(new java.util.TreeMap<>(f.extraHosts));
        parts.add(f.autoRemove);
        parts.add(f.tty);
        parts.add(f.stdinOpen);
        parts.add(f.stopSignal);
        parts.add(f.stopTimeout);
        parts.add(f.pullPolicy);
        parts.add(f.waits); // the waits' rule texts (their predicates have no stable identity)
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

    /** Fields covered by {@link #fingerprint()}; a test compares it with the fields {@code Fields} has. */
    static final int FINGERPRINTED_FIELDS = 31;

    private static void add(StringJoiner s, String key, Object value) {
        if (value != null) {
            s.add(key + "=" + value);
        }
    }

    private static void checkEnvKey(String key) {
        if (key == null || key.isEmpty() || key.contains("=")) {
            throw new InvalidSpecException("environment variable name", key,
                    "a name must be non-empty and must not contain '='", "pass the name and the value separately");
        }
    }

    private ContainerSpec with(Consumer<Fields> change) {
        Fields copy = f.copy();
        change.accept(copy);
        return new ContainerSpec(copy);
    }

    /** Mutable only while a new spec is being made in {@link #with}; never shared after. */
    private static final class Fields {
        ImageRef image;
        String imageText;
        String name;
        List<String> command = List.of();
        List<String> entrypoint = List.of();
        Map<String, String> env = new LinkedHashMap<>();
        Set<String> secretEnv = new LinkedHashSet<>();
        String workdir;
        String user;
        String hostname;
        Map<String, String> labels = new LinkedHashMap<>();
        List<PortBinding> ports = new ArrayList<>();
        List<Mount> mounts = new ArrayList<>();
        RestartPolicy restart;
        Long memoryBytes;
        Long nanoCpus;
        Long pidsLimit;
        boolean readOnlyRootfs;
        Set<String> capAdd = new LinkedHashSet<>();
        Set<String> capDrop = new LinkedHashSet<>();
        HealthCheck healthCheck;
        String network;
        List<String> aliases = List.of();
        Map<String, String> extraHosts = new LinkedHashMap<>();
        boolean autoRemove;
        boolean tty;
        boolean stdinOpen;
        String stopSignal;
        Duration stopTimeout;
        PullPolicy pullPolicy = PullPolicy.IF_MISSING;
        List<Wait> waits = new ArrayList<>();

        Fields copy() {
            Fields c = new Fields();
            c.image = image;
            c.imageText = imageText;
            c.name = name;
            c.command = command;
            c.entrypoint = entrypoint;
            c.env = new LinkedHashMap<>(env);
            c.secretEnv = new LinkedHashSet<>(secretEnv);
            c.workdir = workdir;
            c.user = user;
            c.hostname = hostname;
            c.labels = new LinkedHashMap<>(labels);
            c.ports = new ArrayList<>(ports);
            c.mounts = new ArrayList<>(mounts);
            c.restart = restart;
            c.memoryBytes = memoryBytes;
            c.nanoCpus = nanoCpus;
            c.pidsLimit = pidsLimit;
            c.readOnlyRootfs = readOnlyRootfs;
            c.capAdd = new LinkedHashSet<>(capAdd);
            c.capDrop = new LinkedHashSet<>(capDrop);
            c.healthCheck = healthCheck;
            c.network = network;
            c.aliases = aliases;
            c.extraHosts = new LinkedHashMap<>(extraHosts);
            c.autoRemove = autoRemove;
            c.tty = tty;
            c.stdinOpen = stdinOpen;
            c.stopSignal = stopSignal;
            c.stopTimeout = stopTimeout;
            c.pullPolicy = pullPolicy;
            c.waits = new ArrayList<>(waits);
            return c;
        }
    }
}
