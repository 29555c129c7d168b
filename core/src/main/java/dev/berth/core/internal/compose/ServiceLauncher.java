package dev.berth.core.internal.compose;

import dev.berth.Container;
import dev.berth.ContainerFilter;
import dev.berth.ContainerStartupException;
import dev.berth.ContainerStatus;
import dev.berth.ContainerSummary;
import dev.berth.DockerException;
import dev.berth.StackNotReadyException;
import dev.berth.Wait;
import dev.berth.core.internal.containers.EngineContainer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container half of {@code docker compose up}, as a graph rather than in waves: a service is created as soon as
 * the services it depends on exist, and started as soon as it is created and each dependency's condition holds
 * ({@code service_started}: started; {@code service_healthy}; {@code service_completed_successfully}). So in a chain
 * plus a fan-out no service waits for an unrelated sibling, and creating (and copying inline files) happens while a
 * dependency is still becoming healthy. Each distinct image is inspected once and the project's containers are
 * listed once, both while the caller creates networks and volumes, instead of an inspect per replica.
 */
final class ServiceLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceLauncher.class);
    private static final Duration HEALTHY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration COMPLETED_TIMEOUT = Duration.ofMinutes(30);

    private final StackEngine engine;
    private final LoadedProject project;
    private final ServiceSpecs specs;
    private final Executor threads;
    private final Map<String, CompletableFuture<String>> imageIds = new ConcurrentHashMap<>();
    private final CompletableFuture<Map<String, ContainerSummary>> existing;

    /** Starts looking up the images (of services without a build: those are looked up after it) and containers. */
    ServiceLauncher(StackEngine engine, LoadedProject project, ServiceSpecs specs,
            Collection<ComposeModel.Service> services) {
        this.engine = engine;
        this.project = project;
        this.specs = specs;
        this.threads = engine.background();
        this.existing = CompletableFuture.supplyAsync(this::listExisting, threads);
        services.stream().filter(s -> s.build() == null).forEach(this::imageId);
    }

    /** The containers of the given services, created and started in dependency order; conditions awaited. */
    Map<String, List<Container>> launch(Collection<ComposeModel.Service> services, Map<String, String> networks,
            Map<String, String> volumes, Map<String, String> projectEnv, UpRollback created) {
        Plan plan = new Plan(services, networks, volumes, projectEnv, created);
        services.forEach(plan::started);
        Map<String, List<Container>> started = new LinkedHashMap<>();
        RuntimeException first = null;
        for (ComposeModel.Service service : services) {
            try {
                started.put(service.name(), join(plan.started.get(service.name())));
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
        return started;
    }

    /** Waits until each dependency of {@code service} (among {@code started}) meets its {@code depends_on} condition. */
    static void awaitDependencies(ComposeModel.Service service, Map<String, List<Container>> started) {
        for (var dependency : service.dependsOn().entrySet()) {
            for (Container other : started.getOrDefault(dependency.getKey(), List.of())) {
                awaitCondition(service, dependency.getKey(), dependency.getValue(), other);
            }
        }
    }

    /**
     * The service with {@code volumes_from} / {@code network_mode: service:} resolved to container IDs, as Compose
     * resolves (and hashes) them just before creating ({@link ServiceReferences}); those containers exist by then,
     * because a service is created after the services it depends on.
     */
    ComposeModel.Service resolved(ComposeModel.Service service) {
        return ServiceReferences.resolve(project, specs, service, name -> engine.containers().get(name).id());
    }

    /** The image's ID for Compose's image label, looked up once per image and platform. */
    CompletableFuture<String> imageId(ComposeModel.Service service) {
        String image = specs.imageName(service);
        String platform = service.process().platform();
        return imageIds.computeIfAbsent(image + "\n" + platform, key -> CompletableFuture.supplyAsync(
                () -> lookUp(service.name(), image, platform), threads));
    }

    /** A missing image is pulled first (for the service's platform), as create would. */
    private String lookUp(String service, String image, String platform) {
        return engine.images().find(image).or(() -> {
            StackImages.pull(engine, service, image, platform);
            return engine.images().find(image);
        }).map(dev.berth.Image::id).orElse(null);
    }

    /** This project's service containers (not one-offs), by name: one request instead of an inspect per replica. */
    private Map<String, ContainerSummary> listExisting() {
        Map<String, ContainerSummary> byName = new HashMap<>();
        for (ContainerSummary c : engine.containers().list(ContainerFilter.all().label(ServiceSpecs.PROJECT,
                specs.project()).label(ServiceSpecs.ONEOFF, "False"))) {
            byName.put(c.name(), c);
        }
        return byName;
    }

    /** One launch: a future per service for "created" and for "started". Futures are made on the caller's thread. */
    private final class Plan {
        private final Map<String, ComposeModel.Service> services = new LinkedHashMap<>();
        private final Map<String, String> networks;
        private final Map<String, String> volumes;
        private final Map<String, String> projectEnv;
        private final UpRollback rollback;
        private final Map<String, CompletableFuture<List<Replica>>> created = new HashMap<>();
        private final Map<String, CompletableFuture<List<Container>>> started = new HashMap<>();
        private final Set<String> visiting = new HashSet<>();

        Plan(Collection<ComposeModel.Service> services, Map<String, String> networks, Map<String, String> volumes,
                Map<String, String> projectEnv, UpRollback rollback) {
            services.forEach(s -> this.services.put(s.name(), s));
            this.networks = networks;
            this.volumes = volumes;
            this.projectEnv = projectEnv;
            this.rollback = rollback;
        }

        /** Dependencies that are part of this launch (others: not in the file, or left out as by run --no-deps). */
        private List<ComposeModel.Service> dependencies(ComposeModel.Service service) {
            return service.dependsOn().keySet().stream().filter(services::containsKey).map(services::get).toList();
        }

        CompletableFuture<List<Replica>> created(ComposeModel.Service service) {
            var known = created.get(service.name());
            if (known != null) {
                return known;
            }
            if (!visiting.add(service.name())) {
                throw new DockerException("Services depend on each other in a cycle through '" + service.name()
                        + "'; remove one depends_on entry.");
            }
            var before = dependencies(service).stream().map(this::created).toArray(CompletableFuture[]::new);
            var future = CompletableFuture.allOf(before).thenApplyAsync(v -> create(resolved(service)), threads);
            created.put(service.name(), future);
            return future;
        }

        CompletableFuture<List<Container>> started(ComposeModel.Service service) {
            var known = started.get(service.name());
            if (known != null) {
                return known;
            }
            List<CompletableFuture<?>> before = new ArrayList<>();
            // Captured here, not read from the map inside the task: this thread is still filling the map.
            CompletableFuture<List<Replica>> made = created(service);
            before.add(made);
            for (ComposeModel.Service dependency : dependencies(service)) {
                var condition = service.dependsOn().get(dependency.name());
                before.add(started(dependency).thenAcceptAsync(containers -> containers.forEach(c ->
                        awaitCondition(service, dependency.name(), condition, c)), threads));
            }
            var future = CompletableFuture.allOf(before.toArray(CompletableFuture[]::new))
                    .thenApplyAsync(v -> start(made.join()), threads);
            started.put(service.name(), future);
            return future;
        }

        private List<Replica> create(ComposeModel.Service service) {
            String imageId = join(imageId(service));
            Map<String, ContainerSummary> have = join(existing);
            List<Replica> replicas = new ArrayList<>();
            for (int n = 1; n <= service.replicas(); n++) {
                ContainerSummary current = have.get(specs.containerName(service, n));
                if (current != null && upToDate(service, current, imageId)) {
                    replicas.add(new Replica(engine.containers().listed(current),
                            current.status() != ContainerStatus.RUNNING));
                    continue;
                }
                Map<String, String> inherited = Map.of();
                if (current != null) {
                    LOG.info("Recreating {}: its configuration changed", current.name());
                    EngineContainer old = engine.containers().listed(current);
                    inherited = anonymousVolumes(old.inspect(), service);
                    old.stop();
                    old.remove(); // without -v: its anonymous volumes go to the new container
                }
                replicas.add(new Replica(createReplica(service, n, imageId, inherited), true));
            }
            removeSurplus(service, have.values());
            return replicas;
        }

        private EngineContainer createReplica(ComposeModel.Service service, int number, String imageId,
                Map<String, String> inherited) {
            dev.berth.ContainerSpec spec = specs.container(service, number, networks, volumes, imageId);
            for (var volume : inherited.entrySet()) {
                spec = spec.volume(volume.getValue(), volume.getKey());
            }
            EngineContainer container = ServiceContainers.create(engine, specs, service, number, spec, networks);
            rollback.container(container.id());
            try {
                InlineFiles.copyInto(container, specs.inlineFiles(service, projectEnv));
                return container;
            } catch (RuntimeException e) {
                container.removeQuietly();
                throw e;
            }
        }

        private List<Container> start(List<Replica> replicas) {
            List<Container> containers = new ArrayList<>();
            for (Replica replica : replicas) {
                if (replica.needsStart()) {
                    replica.container().start();
                }
                containers.add(replica.container());
            }
            return containers;
        }
    }

    /**
     * Convergence, as Compose's {@code up}: a replica whose config hash and image are unchanged is kept (started if
     * stopped); one that changed is recreated.
     */
    private static boolean upToDate(ComposeModel.Service service, ContainerSummary current, String imageId) {
        Map<String, String> labels = current.labels();
        boolean sameImage = imageId == null || imageId.equals(labels.get("com.docker.compose.image"));
        return service.name().equals(labels.get(ServiceSpecs.SERVICE)) && sameImage
                && service.configHash().equals(labels.get("com.docker.compose.config-hash"));
    }

    /**
     * The anonymous volumes (an image's {@code VOLUME}, engine-named) of a container about to be recreated, by
     * target, except targets the service now mounts itself. Compose hands them to the new container ("Compose
     * preserves all volumes used by your services"): the data stays, and no orphan is left on the engine that not
     * even {@code down -v} would find again.
     */
    private static Map<String, String> anonymousVolumes(dev.berth.ContainerState state, ComposeModel.Service service) {
        Map<String, String> byTarget = new LinkedHashMap<>();
        for (var mount : state.settings().mounts()) {
            boolean declared = service.mounts().stream().anyMatch(m -> m.target().equals(mount.destination()));
            if ("volume".equals(mount.type()) && mount.name() != null && mount.name().matches("[0-9a-f]{64}")
                    && !declared) {
                byTarget.put(mount.destination(), mount.name());
            }
        }
        return byTarget;
    }

    /** Scaling down, as Compose's {@code up}: replicas numbered above the wanted count are stopped and removed. */
    private void removeSurplus(ComposeModel.Service service, Collection<ContainerSummary> have) {
        for (ContainerSummary summary : have) {
            String number = summary.labels().get(ServiceSpecs.NUMBER);
            if (service.name().equals(summary.labels().get(ServiceSpecs.SERVICE)) && number != null
                    && number.matches("\\d{1,9}") && Integer.parseInt(number) > service.replicas()) {
                LOG.info("Removing {}: the service now has {} replica(s)", summary.name(), service.replicas());
                EngineContainer surplus = engine.containers().listed(summary);
                surplus.stop();
                surplus.remove();
            }
        }
    }

    private static void awaitCondition(ComposeModel.Service service, String name, ComposeModel.Dependency dependency,
            Container other) {
        if (dependency.condition().equals(ComposeModel.Dependency.HEALTHY)) {
            try {
                other.waitFor(Wait.healthy().timeout(HEALTHY_TIMEOUT));
            } catch (ContainerStartupException e) {
                throw new StackNotReadyException(name, other.name(), "did not become healthy, which '"
                        + service.name() + "' needs (depends_on condition service_healthy): " + e.getMessage(),
                        e.exitCode(), e.lastLogLines());
            }
        } else if (dependency.condition().equals(ComposeModel.Dependency.COMPLETED)) {
            other.waitFor(Wait.exited().timeout(COMPLETED_TIMEOUT));
            Integer code = other.inspect().exitCode();
            if (code == null || code != 0) {
                throw new StackNotReadyException(name, other.name(), "exited with code " + code + ", but '"
                        + service.name() + "' needs it to complete successfully (depends_on condition"
                        + " service_completed_successfully)", code, other.logs().tail(20).texts());
            }
        }
    }

    /** Waits for every task; the first failure is thrown after all have ended. */
    static void joinAll(List<Future<?>> tasks, String what) {
        RuntimeException first = null;
        for (Future<?> task : tasks) {
            try {
                task.get();
            } catch (ExecutionException e) {
                RuntimeException failure = e.getCause() instanceof RuntimeException runtime ? runtime
                        : new DockerException(what + " failed: " + e.getCause(), e.getCause());
                first = first == null ? failure : first;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DockerException("Interrupted while " + what, e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** The value, or the task's own exception (not wrapped in CompletionException). */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new DockerException("Bringing the stack up failed: " + e.getCause(), e.getCause());
        }
    }

    /** A replica's container and whether it still has to be started (new, or kept but stopped). */
    private record Replica(Container container, boolean needsStart) {
    }
}
