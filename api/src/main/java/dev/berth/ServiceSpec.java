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

    /**
     * {@code docker service create --name NAME IMAGE}: a service with one replica and the engine's defaults.
     *
     * @param name the service name (letters, digits, {@code _ . -}, at most 63, starting with a letter or digit)
     * @param image the image reference, e.g. {@code nginx:1.22}
     * @return the spec
     * @throws InvalidSpecException when the name breaks the rule above
     * @throws InvalidImageReferenceException when the image is not a valid reference
     */
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

    /**
     * The arguments ({@code docker service create IMAGE ARGS...}; compose {@code command}).
     *
     * @param args the arguments, replacing the image's {@code CMD}
     * @return a new spec with this change
     */
    public ServiceSpec command(String... args) {
        List<String> copy = List.of(args);
        return with(x -> x.args = copy);
    }

    /**
     * Replaces the image's entrypoint ({@code --entrypoint}; compose {@code entrypoint}).
     *
     * @param command the entrypoint and its first arguments
     * @return a new spec with this change
     */
    public ServiceSpec entrypoint(String... command) {
        List<String> copy = List.of(command);
        return with(x -> x.entrypoint = copy);
    }

    /**
     * An environment variable ({@code --env KEY=VALUE}); replaces one of the same name.
     *
     * @param key the variable name
     * @param value its value
     * @return a new spec with this change
     */
    public ServiceSpec env(String key, String value) {
        return with(x -> {
            x.env.put(key, value);
            x.secretEnv.remove(key);
        });
    }

    /**
     * An environment variable ({@code --env KEY=VALUE}) whose value is masked everywhere Berth prints or logs.
     *
     * @param key the variable name
     * @param value its value
     * @return a new spec with this change
     */
    public ServiceSpec env(String key, Secret value) {
        return with(x -> {
            x.env.put(key, value.reveal());
            x.secretEnv.add(key);
        });
    }

    /**
     * A service label ({@code --label KEY=VALUE}).
     *
     * @param key the label key
     * @param value the label value
     * @return a new spec with this change
     */
    public ServiceSpec label(String key, String value) {
        return with(x -> x.labels.put(key, value));
    }

    /**
     * A label on the task containers ({@code --container-label KEY=VALUE}).
     *
     * @param key the label key
     * @param value the label value
     * @return a new spec with this change
     */
    public ServiceSpec containerLabel(String key, String value) {
        return with(x -> x.containerLabels.put(key, value));
    }

    /**
     * {@code --replicas N}: a replicated service (undoes {@link #global()}).
     *
     * @param count the number of tasks, 0 or more
     * @return a new spec with this change
     * @throws InvalidSpecException when the count is negative
     */
    public ServiceSpec replicas(int count) {
        if (count < 0) {
            throw new InvalidSpecException("replicas", count, "cannot be negative", "use 0 or more");
        }
        return with(x -> {
            x.replicas = count;
            x.global = false;
        });
    }

    /**
     * {@code --mode global}: one task on every eligible node.
     *
     * @return a new spec with this change
     */
    public ServiceSpec global() {
        return with(x -> {
            x.global = true;
            x.replicas = null;
        });
    }

    /**
     * {@code --limit-cpu / --limit-memory} (0 = no limit).
     *
     * @param cpus CPUs, e.g. 0.5
     * @param memoryBytes memory in bytes
     * @return a new spec with this change
     */
    public ServiceSpec limits(double cpus, long memoryBytes) {
        return with(x -> {
            x.limitNanoCpus = (long) Math.round(cpus * 1e9);
            x.limitMemory = memoryBytes;
        });
    }

    /**
     * {@code --reserve-cpu / --reserve-memory} (0 = none): what a node must have free to get a task.
     *
     * @param cpus CPUs, e.g. 0.5
     * @param memoryBytes memory in bytes
     * @return a new spec with this change
     */
    public ServiceSpec reservations(double cpus, long memoryBytes) {
        return with(x -> {
            x.reserveNanoCpus = (long) Math.round(cpus * 1e9);
            x.reserveMemory = memoryBytes;
        });
    }

    /**
     * {@code --restart-condition / --restart-delay / --restart-max-attempts / --restart-window}.
     *
     * @param policy the restart policy; null for the engine's default ({@code any})
     * @return a new spec with this change
     */
    public ServiceSpec restart(ServiceRestart policy) {
        return with(x -> x.restart = policy);
    }

    /**
     * {@code --update-parallelism / --update-delay / --update-failure-action / --update-monitor / --update-max-failure-ratio / --update-order}: how {@link Service#update} rolls tasks over.
     *
     * @param config the update config; null for the engine's defaults
     * @return a new spec with this change
     */
    public ServiceSpec update(UpdateConfig config) {
        return with(x -> x.update = config);
    }

    /**
     * {@code --rollback-parallelism / --rollback-delay / ...}: how a rollback rolls tasks back.
     *
     * @param config the rollback config; null for the engine's defaults
     * @return a new spec with this change
     */
    public ServiceSpec rollback(UpdateConfig config) {
        return with(x -> x.rollback = config);
    }

    /**
     * {@code --constraint node.role==manager}: where tasks may run; added to earlier ones.
     *
     * @param expression the placement constraint
     * @return a new spec with this change
     */
    public ServiceSpec constraint(String expression) {
        return with(x -> x.constraints.add(expression));
    }

    /**
     * {@code --placement-pref spread=node.labels.zone}: spread tasks evenly over the values of a label.
     *
     * @param descriptor the label, e.g. {@code node.labels.zone}
     * @return a new spec with this change
     */
    public ServiceSpec spread(String descriptor) {
        return with(x -> x.spread.add(descriptor));
    }

    /**
     * {@code --endpoint-mode vip|dnsrr} (default vip).
     *
     * @param mode {@code vip} or {@code dnsrr}
     * @return a new spec with this change
     * @throws InvalidSpecException when the mode is neither
     */
    public ServiceSpec endpointMode(String mode) {
        if (!mode.equals("vip") && !mode.equals("dnsrr")) {
            throw new InvalidSpecException("endpoint mode", mode, "the engine knows vip and dnsrr", "use one of those");
        }
        return with(x -> x.endpointMode = mode);
    }

    /**
     * {@code --publish mode=host|ingress,target=T,published=P}; added to earlier ones.
     *
     * @param port the port
     * @return a new spec with this change
     */
    public ServiceSpec publish(ServicePort port) {
        return with(x -> x.ports.add(port));
    }

    /**
     * {@code --network NAME} (an overlay network); added to earlier ones.
     *
     * @param name the network's name; it must exist when the service is created
     * @return a new spec with this change
     */
    public ServiceSpec network(String name) {
        return with(x -> x.networks.add(name));
    }

    /**
     * {@code --secret source=NAME,target=FILE,mode=0444}: a swarm secret as a file in the tasks.
     *
     * @param secret the secret's name and file; the secret must exist when the service is created
     * @return a new spec with this change
     */
    public ServiceSpec secret(ServiceFile secret) {
        return with(x -> x.secrets.add(secret));
    }

    /**
     * {@code --config source=NAME,target=FILE,mode=0444}: a swarm config as a file in the tasks.
     *
     * @param config the config's name and file; the config must exist when the service is created
     * @return a new spec with this change
     */
    public ServiceSpec config(ServiceFile config) {
        return with(x -> x.configs.add(config));
    }

    /**
     * {@code --health-cmd / --health-interval / ...}: replaces the image's health check.
     *
     * @param check the health check
     * @return a new spec with this change
     */
    public ServiceSpec healthCheck(HealthCheck check) {
        return with(x -> x.healthCheck = check);
    }

    /**
     * {@code --workdir DIR}: the tasks' working directory.
     *
     * @param dir the directory in the container
     * @return a new spec with this change
     */
    public ServiceSpec workdir(String dir) {
        return with(x -> x.workdir = dir);
    }

    /**
     * {@code --user USER[:GROUP]}: who the tasks' processes run as.
     *
     * @param user the user (name or uid, optionally {@code :group})
     * @return a new spec with this change
     */
    public ServiceSpec user(String user) {
        return with(x -> x.user = user);
    }

    /**
     * {@code --no-resolve-image} when false: the tag goes to the nodes as it is, instead of being pinned to the
     * registry's digest (for images a node has locally but no registry serves it).
     *
     * @param resolve false for {@code --no-resolve-image}
     * @return a new spec with this change
     */
    public ServiceSpec resolveImage(boolean resolve) {
        return with(x -> x.resolveImage = resolve);
    }

    /**
     * {@code --stop-grace-period}: how long a task gets between SIGTERM and SIGKILL.
     *
     * @param period the grace period
     * @return a new spec with this change
     */
    public ServiceSpec stopGracePeriod(Duration period) {
        return with(x -> x.stopGracePeriod = period);
    }

    // ---- reading ----

    /**
     * The service name.
     *
     * @return the name
     */
    public String name() {
        return f.name;
    }

    /**
     * The image reference.
     *
     * @return the image
     */
    public String image() {
        return f.image;
    }

    /**
     * The arguments given with {@link #command}.
     *
     * @return the arguments, empty for the image's {@code CMD}
     */
    public List<String> args() {
        return f.args;
    }

    /**
     * The entrypoint given with {@link #entrypoint(String...)}.
     *
     * @return the entrypoint, empty for the image's
     */
    public List<String> entrypoint() {
        return f.entrypoint;
    }

    /**
     * The environment with secret values revealed: for the engine mapping only.
     *
     * @return the variables by name
     */
    public Map<String, String> env() {
        return Map.copyOf(f.env);
    }

    /**
     * The service labels ({@code --label}).
     *
     * @return the labels
     */
    public Map<String, String> labels() {
        return Map.copyOf(f.labels);
    }

    /**
     * The task container labels ({@code --container-label}).
     *
     * @return the labels
     */
    public Map<String, String> containerLabels() {
        return Map.copyOf(f.containerLabels);
    }

    /**
     * Whether the service is global ({@code --mode global}).
     *
     * @return true for a global service
     */
    public boolean isGlobal() {
        return f.global;
    }

    /**
     * Replicas asked for ({@code --replicas}); meaningless for global services.
     *
     * @return the count; 1 when not given (the engine's default)
     */
    public int replicas() {
        return f.replicas == null ? 1 : f.replicas;
    }

    /**
     * The CPU limit ({@code --limit-cpu}) in billionths of a CPU.
     *
     * @return the limit, 0 for none
     */
    public long limitNanoCpus() {
        return f.limitNanoCpus;
    }

    /**
     * The memory limit ({@code --limit-memory}) in bytes.
     *
     * @return the limit, 0 for none
     */
    public long limitMemory() {
        return f.limitMemory;
    }

    /**
     * The CPU reservation ({@code --reserve-cpu}) in billionths of a CPU.
     *
     * @return the reservation, 0 for none
     */
    public long reserveNanoCpus() {
        return f.reserveNanoCpus;
    }

    /**
     * The memory reservation ({@code --reserve-memory}) in bytes.
     *
     * @return the reservation, 0 for none
     */
    public long reserveMemory() {
        return f.reserveMemory;
    }

    /**
     * The restart policy ({@code --restart-*}).
     *
     * @return the policy, null for the engine's default
     */
    public ServiceRestart restart() {
        return f.restart;
    }

    /**
     * The update config ({@code --update-*}).
     *
     * @return the config, null for the engine's defaults
     */
    public UpdateConfig update() {
        return f.update;
    }

    /**
     * The rollback config ({@code --rollback-*}).
     *
     * @return the config, null for the engine's defaults
     */
    public UpdateConfig rollback() {
        return f.rollback;
    }

    /**
     * The placement constraints ({@code --constraint}).
     *
     * @return the constraints
     */
    public List<String> constraints() {
        return List.copyOf(f.constraints);
    }

    /**
     * The spread placement preferences ({@code --placement-pref spread=}).
     *
     * @return the label descriptors
     */
    public List<String> spread() {
        return List.copyOf(f.spread);
    }

    /**
     * The endpoint mode ({@code --endpoint-mode}).
     *
     * @return {@code vip} or {@code dnsrr}, null for the engine's default (vip)
     */
    public String endpointMode() {
        return f.endpointMode;
    }

    /**
     * The published ports ({@code --publish}).
     *
     * @return the ports
     */
    public List<ServicePort> ports() {
        return List.copyOf(f.ports);
    }

    /**
     * The networks ({@code --network}).
     *
     * @return the network names
     */
    public List<String> networks() {
        return List.copyOf(f.networks);
    }

    /**
     * The secrets ({@code --secret}).
     *
     * @return the secrets
     */
    public List<ServiceFile> secrets() {
        return List.copyOf(f.secrets);
    }

    /**
     * The configs ({@code --config}).
     *
     * @return the configs
     */
    public List<ServiceFile> configs() {
        return List.copyOf(f.configs);
    }

    /**
     * The health check ({@code --health-*}).
     *
     * @return the check, null for the image's
     */
    public HealthCheck healthCheck() {
        return f.healthCheck;
    }

    /**
     * The working directory ({@code --workdir}).
     *
     * @return the directory, null for the image's
     */
    public String workdir() {
        return f.workdir;
    }

    /**
     * The user ({@code --user}).
     *
     * @return the user, null for the image's
     */
    public String user() {
        return f.user;
    }

    /**
     * The stop grace period ({@code --stop-grace-period}).
     *
     * @return the period, null for the engine's default (10 s)
     */
    public Duration stopGracePeriod() {
        return f.stopGracePeriod;
    }

    /**
     * Whether the image is pinned to the registry's digest (false: {@code --no-resolve-image}).
     *
     * @return true unless {@link #resolveImage} turned it off
     */
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
