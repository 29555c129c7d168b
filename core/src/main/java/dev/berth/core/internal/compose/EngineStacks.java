package dev.berth.core.internal.compose;

import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.DockerException;
import dev.berth.Mount;
import dev.berth.NetworkSpec;
import dev.berth.Stack;
import dev.berth.StackSpec;
import dev.berth.Stacks;
import dev.berth.VolumeSpec;
import dev.berth.Wait;
import dev.berth.core.internal.containers.EngineContainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code docker compose up}: the file is checked first (nothing is created for a bad file), then networks, volumes
 * and images, then services in dependency order, each wave side by side. Objects carry Compose's own labels, so
 * {@code docker compose -p NAME ps/down} sees them too.
 */
public final class EngineStacks implements Stacks {
    private static final Logger LOG = LoggerFactory.getLogger(EngineStacks.class);
    static final String PROJECT = "com.docker.compose.project";
    static final String SERVICE = "com.docker.compose.service";

    private final StackEngine engine;
    private final Map<String, String> env;

    public EngineStacks(StackEngine engine, Map<String, String> env) {
        this.engine = engine;
        this.env = env;
    }

    @Override
    public Stack up(StackSpec spec) {
        ComposeModel model = ComposeParser.parse(spec.composeFile(), spec.projectName(), env);
        EngineStack stack = new EngineStack(engine, model.project());
        Set<String> createdVolumes = new LinkedHashSet<>();
        try {
            Map<String, String> networks = networks(model);
            Map<String, String> volumes = volumes(model, createdVolumes);
            Map<String, String> images = images(model);
            Map<String, Container> started = new LinkedHashMap<>();
            List<ComposeModel.Service> remaining = new ArrayList<>(model.services().values());
            while (!remaining.isEmpty()) {
                List<ComposeModel.Service> wave = remaining.stream()
                        .filter(s -> started.keySet().containsAll(s.dependsOn().keySet())).toList();
                List<Future<Container>> starts = new ArrayList<>();
                for (ComposeModel.Service service : wave) {
                    starts.add(engine.background().submit(() -> start(model, service, networks, volumes, images,
                            started)));
                }
                for (int i = 0; i < wave.size(); i++) {
                    started.put(wave.get(i).name(), join(starts.get(i)));
                }
                remaining.removeAll(wave);
            }
            LOG.info("Stack {} is up: {}", model.project(), started.keySet());
            return stack;
        } catch (RuntimeException e) {
            stack.removeEverything(createdVolumes);
            throw e;
        }
    }

    @Override
    public Stack get(String projectName) {
        return new EngineStack(engine, projectName);
    }

    private static Container join(Future<Container> start) {
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

    /** Compose's names: {@code PROJECT_default} and {@code PROJECT_NAME}; existing ones are reused. */
    private Map<String, String> networks(ComposeModel model) {
        Set<String> used = new LinkedHashSet<>();
        for (ComposeModel.Service service : model.services().values()) {
            used.addAll(service.networks().isEmpty() ? Set.of("default") : service.networks().keySet());
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (String network : used) {
            String name = model.project() + "_" + network;
            if (engine.networks().find(name).isEmpty()) {
                engine.networks().create(NetworkSpec.named(name).label(PROJECT, model.project())
                        .label("com.docker.compose.network", network));
            }
            names.put(network, name);
        }
        return names;
    }

    private Map<String, String> volumes(ComposeModel model, Set<String> created) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String volume : model.volumes()) {
            String name = model.project() + "_" + volume;
            if (engine.volumes().find(name).isEmpty()) {
                engine.volumes().create(VolumeSpec.named(name).label(PROJECT, model.project())
                        .label("com.docker.compose.volume", volume));
                created.add(name);
            }
            names.put(volume, name);
        }
        return names;
    }

    /** Services with a build section get {@code PROJECT-SERVICE} images, as Compose names them. */
    private Map<String, String> images(ComposeModel model) {
        Map<String, String> images = new LinkedHashMap<>();
        for (ComposeModel.Service service : model.services().values()) {
            if (service.build() == null) {
                images.put(service.name(), service.image());
                continue;
            }
            String tag = service.image() != null ? service.image()
                    : (model.project() + "-" + service.name()).toLowerCase(java.util.Locale.ROOT);
            var build = dev.berth.BuildSpec.context(service.build().context()).tag(tag)
                    .label(PROJECT, model.project()).label(SERVICE, service.name());
            if (service.build().dockerfile() != null) {
                build = build.dockerfile(service.build().context().resolve(service.build().dockerfile()));
            }
            engine.images().build(build);
            images.put(service.name(), tag);
        }
        return images;
    }

    private Container start(ComposeModel model, ComposeModel.Service service, Map<String, String> networks,
            Map<String, String> volumes, Map<String, String> images, Map<String, Container> started) {
        for (Map.Entry<String, String> dependency : service.dependsOn().entrySet()) {
            Container other = started.get(dependency.getKey());
            if (dependency.getValue().equals(ComposeModel.HEALTHY)) {
                other.waitFor(Wait.healthy().timeout(java.time.Duration.ofMinutes(5)));
            } else if (dependency.getValue().equals(ComposeModel.COMPLETED)) {
                other.waitFor(Wait.exited().timeout(java.time.Duration.ofMinutes(30)));
                Integer code = other.inspect().exitCode();
                if (code == null || code != 0) {
                    throw new DockerException("Service '" + dependency.getKey() + "' exited with code " + code
                            + ", but '" + service.name() + "' needs it to complete successfully.");
                }
            }
        }
        List<String> serviceNetworks = new ArrayList<>(service.networks().isEmpty() ? List.of("default")
                : service.networks().keySet());
        ContainerSpec spec = ContainerSpec.of(images.get(service.name()))
                .name(model.project() + "-" + service.name() + "-1")
                .labels(service.labels())
                .label(PROJECT, model.project())
                .label(SERVICE, service.name())
                .label("com.docker.compose.container-number", "1")
                .label("com.docker.compose.oneoff", "False")
                .label("com.docker.compose.project.config_files", model.file().toString())
                .label("com.docker.compose.project.working_dir", model.file().getParent().toString())
                .env(service.environment())
                .network(networks.get(serviceNetworks.get(0)), aliases(service, serviceNetworks.get(0)))
                .pull(dev.berth.PullPolicy.IF_MISSING);
        if (!service.command().isEmpty()) {
            spec = spec.command(service.command().toArray(String[]::new));
        }
        if (!service.entrypoint().isEmpty()) {
            spec = spec.entrypoint(service.entrypoint().toArray(String[]::new));
        }
        for (var port : service.ports()) {
            spec = spec.publish(port);
        }
        for (ComposeModel.VolumeMount mount : service.volumes()) {
            Mount m = mount.named() ? new Mount.Volume(volumes.get(mount.source()), mount.target(), mount.readOnly())
                    : new Mount.Bind(Path.of(mount.source()), mount.target(), mount.readOnly());
            spec = spec.mount(m);
        }
        if (service.healthCheck() != null) {
            spec = spec.healthCheck(service.healthCheck());
        }
        if (service.restart() != null) {
            spec = spec.restart(service.restart());
        }
        if (service.workdir() != null) {
            spec = spec.workdir(service.workdir());
        }
        if (service.user() != null) {
            spec = spec.user(service.user());
        }
        if (service.hostname() != null) {
            spec = spec.hostname(service.hostname());
        }
        spec = service.applyOptions(spec);
        EngineContainer container = engine.containers().create(spec);
        try {
            for (String network : serviceNetworks.subList(1, serviceNetworks.size())) {
                engine.networks().get(networks.get(network)).connect(container, aliases(service, network));
            }
            container.start();
            return container;
        } catch (RuntimeException e) {
            container.removeQuietly();
            throw e;
        }
    }

    /** Other services reach this one by its service name, on every network, plus any aliases the file gives. */
    private static String[] aliases(ComposeModel.Service service, String network) {
        List<String> aliases = new ArrayList<>();
        aliases.add(service.name());
        aliases.addAll(service.networks().getOrDefault(network, List.of()));
        return aliases.toArray(String[]::new);
    }
}
