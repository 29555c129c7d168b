package dev.berth.core.internal.compose;

import dev.berth.Container;
import dev.berth.DockerException;
import dev.berth.ExecResult;
import dev.berth.InvalidSpecException;
import dev.berth.NetworkSpec;
import dev.berth.Stack;
import dev.berth.StackSpec;
import dev.berth.UpOption;
import dev.berth.VolumeSpec;
import dev.berth.Wait;
import dev.berth.core.internal.containers.EngineContainer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code docker compose up}: the project is loaded and checked first (nothing is created for a bad file), then
 * networks, volumes and images, then services in dependency order, each wave side by side. Objects carry Compose's
 * own labels, so {@code docker compose -p NAME ps/down} sees them too.
 */
public final class EngineStacks {
    private static final Logger LOG = LoggerFactory.getLogger(EngineStacks.class);
    static final String PROJECT = ServiceSpecs.PROJECT;
    static final String SERVICE = ServiceSpecs.SERVICE;

    private final StackEngine engine;
    private final Map<String, String> env;

    public EngineStacks(StackEngine engine, Map<String, String> env) {
        this.engine = engine;
        this.env = env;
    }

    public Stack up(StackSpec spec, UpOption... options) {
        LoadedProject project = load(spec);
        ComposeModel model = readForEngine(project);
        ServiceSpecs specs = new ServiceSpecs(model);
        EngineStack stack = new EngineStack(engine, model.project());
        UpRollback created = new UpRollback(engine);
        Map<String, List<Container>> started = new LinkedHashMap<>();
        try {
            Map<String, String> networks = networks(model, created);
            Map<String, String> volumes = volumes(model, specs, created);
            StackImages.build(engine, model, specs);
            List<ComposeModel.Service> remaining = new ArrayList<>(model.services().values());
            while (!remaining.isEmpty()) {
                List<ComposeModel.Service> wave = remaining.stream().filter(s -> s.dependsOn().keySet().stream()
                        .allMatch(d -> started.containsKey(d) || !model.services().containsKey(d))).toList();
                List<Future<List<Container>>> starts = new ArrayList<>();
                for (ComposeModel.Service service : wave) {
                    starts.add(engine.background().submit(() -> start(specs, ServiceReferences.resolve(project,
                            specs, service, this::containerId), networks, volumes, started, project.env(), created)));
                }
                for (int i = 0; i < wave.size(); i++) {
                    started.put(wave.get(i).name(), join(starts.get(i)));
                }
                remaining.removeAll(wave);
            }
            LOG.info("Stack {} is up: {}", model.project(), started.keySet());
        } catch (RuntimeException e) {
            created.run(model.project());
            throw e;
        }
        for (UpOption option : options) {
            if (option.isRemoveOrphans()) {
                removeOrphans(model);
            }
        }
        for (UpOption option : options) {
            if (option.waitTimeout() != null) {
                StackReadiness.await(started, completedDependencies(model), option.waitTimeout());
            }
        }
        return stack;
    }

    /** Containers of this project (not one-offs) whose service is no longer in the file, stopped gracefully. */
    private void removeOrphans(ComposeModel model) {
        var orphans = engine.containers().list(dev.berth.ContainerFilter.all().label(PROJECT, model.project())
                .label(ServiceSpecs.ONEOFF, "False")).stream()
                .filter(c -> !model.services().containsKey(c.labels().get(SERVICE))).toList();
        if (!orphans.isEmpty()) {
            LOG.info("Removing orphan containers of {}: {}", model.project(), orphans);
            StackShutdown.stop(engine, orphans, true, false);
        }
    }

    private static java.util.Set<String> completedDependencies(ComposeModel model) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (ComposeModel.Service s : model.services().values()) {
            s.dependsOn().forEach((name, d) -> {
                if (d.condition().equals(ComposeModel.Dependency.COMPLETED)) {
                    names.add(name);
                }
            });
        }
        return names;
    }

    /** The model, with the keys this engine's API version cannot take rejected before anything is created. */
    private ComposeModel readForEngine(LoadedProject project) {
        ComposeModel model = ModelReader.read(project);
        if (!engine.engine().speaksAtLeast("1.44")) {
            ServiceExtras.requireStartIntervalSupport(project, engine.engine().endpoint().apiVersion());
        }
        return model;
    }

    private LoadedProject load(StackSpec spec) {
        return ComposeLoader.load(new ComposeLoader.Request(spec.files(), spec.projectName(), env, spec.env(),
                spec.envFiles(), spec.profiles()));
    }

    public void pull(StackSpec spec) {
        ComposeModel model = ModelReader.read(load(spec));
        StackImages.pull(engine, model, new ServiceSpecs(model));
    }

    public void build(StackSpec spec) {
        ComposeModel model = ModelReader.read(load(spec));
        StackImages.build(engine, model, new ServiceSpecs(model));
    }

    /**
     * {@code docker compose run --rm SERVICE CMD...}: a one-off container of the service (Compose's
     * {@code PROJECT-SERVICE-run-ID} name and {@code oneoff=True} label, no published ports) on the project's
     * networks, run to its end and removed. The project's networks and volumes are created if missing; unlike
     * Compose, the service's dependencies are not started (bring the stack up first).
     */
    public ExecResult run(StackSpec spec, String service, String... command) {
        LoadedProject project = load(spec);
        ComposeModel model = readForEngine(project);
        ComposeModel.Service base = model.services().get(service);
        if (base == null) {
            throw new InvalidSpecException("service", service, "the compose file has no such service",
                    "use one of " + model.services().keySet());
        }
        ServiceSpecs specs = new ServiceSpecs(model);
        UpRollback created = new UpRollback(engine);
        Map<String, String> networks;
        Map<String, String> volumes;
        try {
            networks = networks(model, created);
            volumes = volumes(model, specs, created);
        } catch (RuntimeException e) {
            created.run(model.project());
            throw e;
        }
        ComposeModel.Service oneOff = ServiceSpecs.oneOff(ServiceReferences.resolve(project, specs, base,
                this::containerId), command.length == 0 ? null : List.of(command));
        String name = model.project() + "-" + service + "-run-" + java.util.UUID.randomUUID().toString()
                .replace("-", "").substring(0, 12);
        EngineContainer container = ServiceContainers.create(engine, specs, oneOff, 1, specs.container(oneOff, 1,
                networks, volumes, imageId(specs.imageName(oneOff))).name(name).label(ServiceSpecs.ONEOFF, "True"),
                networks);
        try {
            InlineFiles.copyInto(container, specs.inlineFiles(oneOff, project.env()));
            container.start();
            container.waitFor(Wait.exited().timeout(Duration.ofHours(1)));
            var logs = container.logs().all();
            Integer code = container.inspect().exitCode();
            return new ExecResult(code == null ? -1 : code, logs.stdout(), logs.stderr());
        } finally {
            container.removeQuietly();
        }
    }

    public Stack get(String projectName) {
        return new EngineStack(engine, projectName);
    }

    private static <T> T join(Future<T> start) {
        try {
            return start.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new DockerException("Starting a service failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException("Interrupted while bringing the stack up", e);
        }
    }

    /** Compose's names ({@code PROJECT_default}, {@code PROJECT_NAME} or the given name); existing ones are reused. */
    private Map<String, String> networks(ComposeModel model, UpRollback created) {
        Map<String, String> names = new LinkedHashMap<>();
        for (var e : model.networks().entrySet()) {
            ComposeModel.Network n = e.getValue();
            if (n.external()) {
                if (engine.networks().find(n.name()).isEmpty()) {
                    throw new DockerException("Network " + n.name() + " is declared as external, but it does not"
                            + " exist. Create it first (docker network create " + n.name() + ").");
                }
            } else if (engine.networks().find(n.name()).isEmpty()) {
                NetworkSpec spec = NetworkSpec.named(n.name()).label(PROJECT, model.project())
                        .label(ServiceSpecs.VERSION, ServiceSpecs.COMPOSE_VERSION)
                        .label("com.docker.compose.network", e.getKey());
                for (var label : n.labels().entrySet()) {
                    spec = spec.label(label.getKey(), label.getValue());
                }
                spec = n.driver() != null ? spec.driver(n.driver()) : spec;
                spec = n.internal() ? spec.internal() : spec;
                spec = n.subnet() != null ? spec.subnet(n.subnet()) : spec;
                spec = n.gateway() != null ? spec.gateway(n.gateway()) : spec;
                for (var option : n.driverOpts().entrySet()) {
                    spec = spec.option(option.getKey(), option.getValue());
                }
                engine.networks().create(spec);
                created.network(n.name());
            }
            names.put(e.getKey(), n.name());
        }
        return names;
    }

    private Map<String, String> volumes(ComposeModel model, ServiceSpecs specs, UpRollback created) {
        Map<String, String> names = new LinkedHashMap<>();
        for (var e : model.volumes().entrySet()) {
            ComposeModel.Volume v = e.getValue();
            if (v.external()) {
                if (engine.volumes().find(v.name()).isEmpty()) {
                    throw new DockerException("Volume " + v.name() + " is declared as external, but it does not"
                            + " exist. Create it first (docker volume create " + v.name() + ").");
                }
            } else {
                createVolume(model, v.name(), e.getKey(), v, created);
            }
            names.put(e.getKey(), v.name());
        }
        for (ComposeModel.Service service : model.services().values()) {
            for (ComposeModel.Mount mount : service.mounts()) {
                if (mount.type().equals("volume") && mount.source() == null) {
                    for (int n = 1; n <= service.replicas(); n++) {
                        createVolume(model, specs.anonymousVolume(service, n, mount.target()), null, null, created);
                    }
                }
            }
        }
        return names;
    }

    private void createVolume(ComposeModel model, String name, String key, ComposeModel.Volume v,
            UpRollback created) {
        if (engine.volumes().find(name).isPresent()) {
            return;
        }
        VolumeSpec spec = VolumeSpec.named(name).label(PROJECT, model.project())
                .label(ServiceSpecs.VERSION, ServiceSpecs.COMPOSE_VERSION);
        if (key != null) {
            spec = spec.label("com.docker.compose.volume", key);
        }
        if (v != null) {
            spec = v.driver() != null ? spec.driver(v.driver()) : spec;
            for (var o : v.driverOpts().entrySet()) {
                spec = spec.option(o.getKey(), o.getValue());
            }
            for (var l : v.labels().entrySet()) {
                spec = spec.label(l.getKey(), l.getValue());
            }
        }
        engine.volumes().create(spec);
        created.volume(name);
    }

    private List<Container> start(ServiceSpecs specs, ComposeModel.Service service, Map<String, String> networks,
            Map<String, String> volumes, Map<String, List<Container>> started, Map<String, String> projectEnv,
            UpRollback created) {
        for (var dependency : service.dependsOn().entrySet()) {
            for (Container other : started.getOrDefault(dependency.getKey(), List.of())) {
                awaitCondition(service, dependency.getKey(), dependency.getValue(), other);
            }
        }
        List<Container> replicas = new ArrayList<>();
        String imageId = imageId(specs.imageName(service));
        for (int n = 1; n <= service.replicas(); n++) {
            Map<String, String> inherited = new LinkedHashMap<>();
            Container current = upToDate(specs, service, n, imageId, inherited);
            if (current != null) {
                replicas.add(current);
                continue;
            }
            dev.berth.ContainerSpec spec = specs.container(service, n, networks, volumes, imageId);
            for (var volume : inherited.entrySet()) {
                spec = spec.volume(volume.getValue(), volume.getKey());
            }
            EngineContainer container = ServiceContainers.create(engine, specs, service, n, spec, networks);
            created.container(container.id());
            try {
                InlineFiles.copyInto(container, specs.inlineFiles(service, projectEnv));
                container.start();
                replicas.add(container);
            } catch (RuntimeException e) {
                container.removeQuietly();
                throw e;
            }
        }
        removeSurplus(specs, service);
        return replicas;
    }

    /** Scaling down, as Compose's {@code up}: replicas numbered above the wanted count are stopped and removed. */
    private void removeSurplus(ServiceSpecs specs, ComposeModel.Service service) {
        var filter = dev.berth.ContainerFilter.all().label(PROJECT, specs.project()).label(SERVICE, service.name())
                .label("com.docker.compose.oneoff", "False");
        for (var summary : engine.containers().list(filter)) {
            String number = summary.labels().get(ServiceSpecs.NUMBER);
            if (number != null && number.matches("\\d+") && Integer.parseInt(number) > service.replicas()) {
                engine.containers().find(summary.id()).ifPresent(c -> {
                    LOG.info("Removing {}: the service now has {} replica(s)", summary.name(), service.replicas());
                    c.stop();
                    c.remove();
                });
            }
        }
    }

    /**
     * Convergence, as Compose's {@code up}: a replica of this project and service whose config hash and image are
     * unchanged is kept (started if stopped); one that changed is stopped and removed, to be created again. A
     * container of that name that is not this project's is left alone (create then fails with a name conflict).
     */
    private Container upToDate(ServiceSpecs specs, ComposeModel.Service service, int number, String imageId,
            Map<String, String> inherited) {
        Container existing = engine.containers().find(specs.containerName(service, number)).orElse(null);
        if (existing == null) {
            return null;
        }
        dev.berth.ContainerState state = existing.inspect();
        Map<String, String> labels = state.labels();
        if (!specs.project().equals(labels.get(PROJECT)) || !service.name().equals(labels.get(SERVICE))) {
            return null;
        }
        boolean sameImage = imageId == null || imageId.equals(labels.get("com.docker.compose.image"));
        if (service.configHash().equals(labels.get("com.docker.compose.config-hash")) && sameImage) {
            if (!state.running()) {
                existing.start();
            }
            return existing;
        }
        LOG.info("Recreating {}: its configuration changed", state.name());
        inherited.putAll(anonymousVolumes(state, service));
        existing.stop();
        existing.remove(); // without -v: its anonymous volumes go to the new container
        return null;
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

    private String containerId(String name) {
        return engine.containers().get(name).id();
    }

    /** The image's ID for Compose's image label; a missing image is pulled first (as create would). */
    private String imageId(String image) {
        return engine.images().find(image).or(() -> {
            engine.images().pull(image);
            return engine.images().find(image);
        }).map(dev.berth.Image::id).orElse(null);
    }

    private static void awaitCondition(ComposeModel.Service service, String name, ComposeModel.Dependency dependency,
            Container other) {
        if (dependency.condition().equals(ComposeModel.Dependency.HEALTHY)) {
            other.waitFor(Wait.healthy().timeout(Duration.ofMinutes(5)));
        } else if (dependency.condition().equals(ComposeModel.Dependency.COMPLETED)) {
            other.waitFor(Wait.exited().timeout(Duration.ofMinutes(30)));
            Integer code = other.inspect().exitCode();
            if (code == null || code != 0) {
                throw new DockerException("Service '" + name + "' exited with code " + code + ", but '"
                        + service.name() + "' needs it to complete successfully.");
            }
        }
    }
}
