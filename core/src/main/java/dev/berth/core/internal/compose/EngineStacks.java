package dev.berth.core.internal.compose;

import dev.berth.Container;
import dev.berth.DockerException;
import dev.berth.ExecResult;
import dev.berth.InvalidSpecException;
import dev.berth.NetworkSpec;
import dev.berth.OneOffSpec;
import dev.berth.Stack;
import dev.berth.StackSpec;
import dev.berth.UpOption;
import dev.berth.VolumeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code docker compose up} and {@code run}: the project is loaded and checked first (nothing is created for a bad
 * file), then networks, volumes and images, then services in dependency order ({@link ServiceLauncher}: each as
 * soon as its own dependencies allow). Objects carry Compose's own labels, so {@code docker compose -p NAME ps/down}
 * sees them too.
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
        Map<String, List<Container>> started;
        try {
            ServiceLauncher launcher = new ServiceLauncher(engine, project, specs, model.services().values());
            Map<String, String> networks = networks(model, created);
            Map<String, String> volumes = volumes(model, specs, created);
            StackImages.build(engine, model, specs);
            started = launcher.launch(model.services().values(), networks, volumes, project.env(), created);
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
                StackReadiness.await(engine.background(), started, completedDependencies(model),
                        option.waitTimeout());
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

    public ExecResult run(StackSpec spec, String service, String... command) {
        OneOffSpec oneOff = OneOffSpec.of(service);
        return run(spec, command.length == 0 ? oneOff : oneOff.command(command));
    }

    /**
     * {@code docker compose run}: unless {@code --no-deps}, the service's dependencies (transitively) are brought up
     * as {@code up} brings services up, and the service's own conditions awaited; then {@link OneOffRun}. What this
     * call created is removed again if bringing the dependencies up fails; the dependencies stay up afterwards.
     */
    public ExecResult run(StackSpec spec, OneOffSpec oneOff) {
        if (oneOff == null) {
            throw new InvalidSpecException("one-off", null, "it is required (null given)",
                    "pass e.g. OneOffSpec.of(\"web\")");
        }
        LoadedProject project = load(spec);
        ComposeModel model = readForEngine(project);
        ComposeModel.Service base = model.services().get(oneOff.service());
        if (base == null) {
            throw new InvalidSpecException("service", oneOff.service(), "the compose file has no such service",
                    "use one of " + model.services().keySet());
        }
        ServiceSpecs specs = new ServiceSpecs(model);
        List<ComposeModel.Service> dependencies = oneOff.startsDependencies() ? dependencies(model, base) : List.of();
        List<ComposeModel.Service> involved = new ArrayList<>(dependencies);
        involved.add(base);
        UpRollback created = new UpRollback(engine);
        ServiceLauncher launcher = new ServiceLauncher(engine, project, specs, involved);
        Map<String, String> networks;
        Map<String, String> volumes;
        try {
            networks = networks(model, created);
            volumes = volumes(model, specs, created);
            StackImages.buildMissing(engine, specs, involved);
            var started = launcher.launch(dependencies, networks, volumes, project.env(), created);
            ServiceLauncher.awaitDependencies(base, started);
        } catch (RuntimeException e) {
            created.run(model.project());
            throw e;
        }
        return new OneOffRun(engine, project, specs).run(launcher.resolved(base), oneOff, networks, volumes,
                ServiceLauncher.join(launcher.imageId(base)));
    }

    /** The services {@code service} depends on, and theirs, in file order (as Compose selects them for run). */
    static List<ComposeModel.Service> dependencies(ComposeModel model, ComposeModel.Service service) {
        java.util.Set<String> names = new java.util.HashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(service.dependsOn().keySet());
        while (!todo.isEmpty()) {
            String name = todo.pop();
            ComposeModel.Service dependency = model.services().get(name);
            if (dependency != null && !name.equals(service.name()) && names.add(name)) {
                todo.addAll(dependency.dependsOn().keySet());
            }
        }
        return model.services().values().stream().filter(s -> names.contains(s.name())).toList();
    }

    public Stack get(String projectName) {
        return new EngineStack(engine, projectName);
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
                for (var option : n.driverOpts().entrySet()) {
                    spec = spec.option(option.getKey(), option.getValue());
                }
                spec = n.subnet() != null ? spec.subnet(n.subnet()) : spec;
                spec = n.gateway() != null ? spec.gateway(n.gateway()) : spec;
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
}
