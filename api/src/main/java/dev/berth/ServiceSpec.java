package dev.berth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * {@code docker service create}: a replicated (or global) service. Immutable: every call returns a new spec;
 * {@link #toString()} masks {@link Secret} environment values.
 *
 * <pre>{@code
 * ServiceSpec.of("web", "nginx:1.22").replicas(2).publish(ServicePort.host(80, 0)).update(UpdateConfig.rolling())
 * }</pre>
 */
public final class ServiceSpec {
    private final Fields f;

    private ServiceSpec(Fields f) {
        this.f = f;
    }

    public static ServiceSpec of(String name, String image) {
        if (name == null || !name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}")) {
            throw new InvalidSpecException("service name", name,
                    "a service name is letters, digits, '_', '.' and '-' (at most 63), starting with a letter or digit",
                    "e.g. \"web\" or \"shop_web\"");
        }
        ImageRef.parse(image);
        Fields fields = new Fields();
        fields.name = name;
        fields.image = image;
        return new ServiceSpec(fields);
    }

    /** The arguments ({@code docker service create IMAGE ARGS...}; compose {@code command}). */
    public ServiceSpec command(String... args) {
        List<String> copy = List.of(args);
        return with(x -> x.args = copy);
    }

    /** Replaces the image's entrypoint (compose {@code entrypoint}). */
    public ServiceSpec entrypoint(String... command) {
        List<String> copy = List.of(command);
        return with(x -> x.entrypoint = copy);
    }

    public ServiceSpec env(String key, String value) {
        return with(x -> {
            x.env.put(key, value);
            x.secretEnv.remove(key);
        });
    }

    /** A variable whose value is masked everywhere Berth prints or logs. */
    public ServiceSpec env(String key, Secret value) {
        return with(x -> {
            x.env.put(key, value.reveal());
            x.secretEnv.add(key);
        });
    }

    /** A service label ({@code --label}). */
    public ServiceSpec label(String key, String value) {
        return with(x -> x.labels.put(key, value));
    }

    /** A label on the task containers ({@code --container-label}). */
    public ServiceSpec containerLabel(String key, String value) {
        return with(x -> x.containerLabels.put(key, value));
    }

    /** {@code --replicas N}. */
    public ServiceSpec replicas(int count) {
        if (count < 0) {
            throw new InvalidSpecException("replicas", count, "cannot be negative", "use 0 or more");
        }
        return with(x -> {
            x.replicas = count;
            x.global = false;
        });
    }

    /** {@code --mode global}: one task on every eligible node. */
    public ServiceSpec global() {
        return with(x -> {
            x.global = true;
            x.replicas = null;
        });
    }

    /** {@code --limit-cpu / --limit-memory} (0 = no limit). */
    public ServiceSpec limits(double cpus, long memoryBytes) {
        return with(x -> {
            x.limitNanoCpus = (long) Math.round(cpus * 1e9);
            x.limitMemory = memoryBytes;
        });
    }

    /** {@code --reserve-cpu / --reserve-memory} (0 = none). */
    public ServiceSpec reservations(double cpus, long memoryBytes) {
        return with(x -> {
            x.reserveNanoCpus = (long) Math.round(cpus * 1e9);
            x.reserveMemory = memoryBytes;
        });
    }

    public ServiceSpec restart(ServiceRestart policy) {
        return with(x -> x.restart = policy);
    }

    public ServiceSpec update(UpdateConfig config) {
        return with(x -> x.update = config);
    }

    public ServiceSpec rollback(UpdateConfig config) {
        return with(x -> x.rollback = config);
    }

    /** {@code --constraint node.role==manager}. */
    public ServiceSpec constraint(String expression) {
        return with(x -> x.constraints.add(expression));
    }

    /** {@code --placement-pref spread=node.labels.zone}. */
    public ServiceSpec spread(String descriptor) {
        return with(x -> x.spread.add(descriptor));
    }

    /** {@code --endpoint-mode dnsrr} (default vip). */
    public ServiceSpec endpointMode(String mode) {
        if (!mode.equals("vip") && !mode.equals("dnsrr")) {
            throw new InvalidSpecException("endpoint mode", mode, "the engine knows vip and dnsrr", "use one of those");
        }
        return with(x -> x.endpointMode = mode);
    }

    public ServiceSpec publish(ServicePort port) {
        return with(x -> x.ports.add(port));
    }

    /** {@code --network NAME} (an overlay network). */
    public ServiceSpec network(String name) {
        return with(x -> x.networks.add(name));
    }

    public ServiceSpec secret(ServiceFile secret) {
        return with(x -> x.secrets.add(secret));
    }

    public ServiceSpec config(ServiceFile config) {
        return with(x -> x.configs.add(config));
    }

    public ServiceSpec healthCheck(HealthCheck check) {
        return with(x -> x.healthCheck = check);
    }

    public ServiceSpec workdir(String dir) {
        return with(x -> x.workdir = dir);
    }

    public ServiceSpec user(String user) {
        return with(x -> x.user = user);
    }

    /**
     * {@code --no-resolve-image} when false: the tag goes to the nodes as it is, instead of being pinned to the
     * registry's digest (for images a node has locally but no registry serves it).
     */
    public ServiceSpec resolveImage(boolean resolve) {
        return with(x -> x.resolveImage = resolve);
    }

    public ServiceSpec stopGracePeriod(Duration period) {
        return with(x -> x.stopGracePeriod = period);
    }

    // ---- reading ----

    public String name() {
        return f.name;
    }

    public String image() {
        return f.image;
    }

    public List<String> args() {
        return f.args;
    }

    public List<String> entrypoint() {
        return f.entrypoint;
    }

    /** The environment with secret values revealed: for the engine mapping only. */
    public Map<String, String> env() {
        return Map.copyOf(f.env);
    }

    public Map<String, String> labels() {
        return Map.copyOf(f.labels);
    }

    public Map<String, String> containerLabels() {
        return Map.copyOf(f.containerLabels);
    }

    public boolean isGlobal() {
        return f.global;
    }

    /** Replicas asked for; 1 when not given (the engine's default), 0 meaningless for global services. */
    public int replicas() {
        return f.replicas == null ? 1 : f.replicas;
    }

    public long limitNanoCpus() {
        return f.limitNanoCpus;
    }

    public long limitMemory() {
        return f.limitMemory;
    }

    public long reserveNanoCpus() {
        return f.reserveNanoCpus;
    }

    public long reserveMemory() {
        return f.reserveMemory;
    }

    public ServiceRestart restart() {
        return f.restart;
    }

    public UpdateConfig update() {
        return f.update;
    }

    public UpdateConfig rollback() {
        return f.rollback;
    }

    public List<String> constraints() {
        return List.copyOf(f.constraints);
    }

    public List<String> spread() {
        return List.copyOf(f.spread);
    }

    public String endpointMode() {
        return f.endpointMode;
    }

    public List<ServicePort> ports() {
        return List.copyOf(f.ports);
    }

    public List<String> networks() {
        return List.copyOf(f.networks);
    }

    public List<ServiceFile> secrets() {
        return List.copyOf(f.secrets);
    }

    public List<ServiceFile> configs() {
        return List.copyOf(f.configs);
    }

    public HealthCheck healthCheck() {
        return f.healthCheck;
    }

    public String workdir() {
        return f.workdir;
    }

    public String user() {
        return f.user;
    }

    public Duration stopGracePeriod() {
        return f.stopGracePeriod;
    }

    public boolean resolvesImage() {
        return f.resolveImage;
    }

    private ServiceSpec with(Consumer<Fields> change) {
        Fields copy = f.copy();
        change.accept(copy);
        return new ServiceSpec(copy);
    }

    @Override
    public String toString() {
        StringJoiner s = new StringJoiner(" ", "ServiceSpec[", "]");
        s.add(f.name).add(f.image);
        s.add(f.global ? "global" : "replicas=" + replicas());
        if (!f.args.isEmpty()) {
            s.add("args=" + f.args);
        }
        if (!f.env.isEmpty()) {
            Map<String, String> masked = new LinkedHashMap<>();
            f.env.forEach((k, v) -> masked.put(k, f.secretEnv.contains(k) ? "****" : v));
            s.add("env=" + masked);
        }
        if (!f.ports.isEmpty()) {
            s.add("ports=" + f.ports);
        }
        if (!f.networks.isEmpty()) {
            s.add("networks=" + f.networks);
        }
        if (!f.constraints.isEmpty()) {
            s.add("constraints=" + f.constraints);
        }
        return s.toString();
    }

    private static final class Fields {
        String name;
        String image;
        List<String> args = List.of();
        List<String> entrypoint = List.of();
        Map<String, String> env = new LinkedHashMap<>();
        Set<String> secretEnv = new LinkedHashSet<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> containerLabels = new LinkedHashMap<>();
        Integer replicas;
        boolean global;
        long limitNanoCpus;
        long limitMemory;
        long reserveNanoCpus;
        long reserveMemory;
        ServiceRestart restart;
        UpdateConfig update;
        UpdateConfig rollback;
        List<String> constraints = new ArrayList<>();
        List<String> spread = new ArrayList<>();
        String endpointMode;
        List<ServicePort> ports = new ArrayList<>();
        List<String> networks = new ArrayList<>();
        List<ServiceFile> secrets = new ArrayList<>();
        List<ServiceFile> configs = new ArrayList<>();
        HealthCheck healthCheck;
        String workdir;
        String user;
        Duration stopGracePeriod;
        boolean resolveImage = true;

        Fields copy() {
            Fields c = new Fields();
            c.name = name;
            c.image = image;
            c.args = args;
            c.entrypoint = entrypoint;
            c.env = new LinkedHashMap<>(env);
            c.secretEnv = new LinkedHashSet<>(secretEnv);
            c.labels = new LinkedHashMap<>(labels);
            c.containerLabels = new LinkedHashMap<>(containerLabels);
            c.replicas = replicas;
            c.global = global;
            c.limitNanoCpus = limitNanoCpus;
            c.limitMemory = limitMemory;
            c.reserveNanoCpus = reserveNanoCpus;
            c.reserveMemory = reserveMemory;
            c.restart = restart;
            c.update = update;
            c.rollback = rollback;
            c.constraints = new ArrayList<>(constraints);
            c.spread = new ArrayList<>(spread);
            c.endpointMode = endpointMode;
            c.ports = new ArrayList<>(ports);
            c.networks = new ArrayList<>(networks);
            c.secrets = new ArrayList<>(secrets);
            c.configs = new ArrayList<>(configs);
            c.healthCheck = healthCheck;
            c.workdir = workdir;
            c.user = user;
            c.stopGracePeriod = stopGracePeriod;
            c.resolveImage = resolveImage;
            return c;
        }
    }
}
