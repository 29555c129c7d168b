package dev.berth.core.internal.compose;

import dev.berth.Container;
import dev.berth.ContainerFilter;
import dev.berth.ContainerNotFoundException;
import dev.berth.ContainerState;
import dev.berth.ContainerSummary;
import dev.berth.ExecResult;
import dev.berth.Filter;
import dev.berth.LogFollow;
import dev.berth.ServiceContainer;
import dev.berth.Stack;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/** A compose project, found by its label, so a handle works for stacks brought up elsewhere too. */
final class EngineStack implements Stack {
    private final StackEngine engine;
    private final String project;

    EngineStack(StackEngine engine, String project) {
        this.engine = engine;
        this.project = project;
    }

    @Override
    public String name() {
        return project;
    }

    @Override
    public List<ContainerSummary> ps() {
        return engine.containers().list(ContainerFilter.all().label(EngineStacks.PROJECT, project));
    }

    @Override
    public List<ServiceContainer> containers() {
        List<ServiceContainer> rows = new ArrayList<>();
        for (ContainerSummary summary : ps()) {
            engine.containers().find(summary.id()).ifPresent(c -> {
                ContainerState s = c.inspect();
                rows.add(new ServiceContainer(s.labels().get(EngineStacks.SERVICE),
                        number(summary), c.name(), c.id(), s.status(),
                        s.health(), s.running() ? null : s.exitCode(), s.ports(),
                        "True".equals(s.labels().get(ServiceSpecs.ONEOFF))));
            });
        }
        rows.sort(Comparator.comparing(ServiceContainer::service).thenComparing(ServiceContainer::number));
        return rows;
    }

    static int number(ContainerSummary c) {
        String number = c.labels().getOrDefault(ServiceSpecs.NUMBER, "");
        return number.matches("\\d{1,9}") ? Integer.parseInt(number) : 0;
    }

    @Override
    public Container service(String service) {
        List<ContainerSummary> matches = engine.containers().list(ContainerFilter.all()
                .label(EngineStacks.PROJECT, project).label(EngineStacks.SERVICE, service)
                .label(ServiceSpecs.ONEOFF, "False"));
        if (matches.isEmpty()) {
            throw new ContainerNotFoundException(project + "/" + service, null);
        }
        ContainerSummary first = matches.stream().min(Comparator.comparingInt(EngineStack::number)).orElseThrow();
        return engine.containers().get(first.id());
    }

    @Override
    public List<String> logs() {
        return StackLogs.snapshot(engine, services());
    }

    @Override
    public LogFollow followLogs(Consumer<String> lines) {
        return StackLogs.follow(engine, services(), lines);
    }

    @Override
    public ExecResult exec(String service, String... command) {
        return service(service).exec(command);
    }

    @Override
    public void stop(String... services) {
        StackShutdown.stop(engine, services(services), false, false);
    }

    @Override
    public void start(String... services) {
        StackShutdown.start(engine, services(services), Container::start);
    }

    @Override
    public void restart(String... services) {
        StackShutdown.start(engine, services(services), Container::restart);
    }

    /** The project's service containers (one-offs left out), only those of the given services when any are named. */
    private List<ContainerSummary> services(String... only) {
        List<String> names = List.of(only);
        List<ContainerSummary> all = engine.containers().list(ContainerFilter.all()
                .label(EngineStacks.PROJECT, project).label(ServiceSpecs.ONEOFF, "False"));
        for (String name : names) {
            if (all.stream().noneMatch(c -> name.equals(c.labels().get(EngineStacks.SERVICE)))) {
                throw new ContainerNotFoundException(project + "/" + name, null);
            }
        }
        return all.stream().filter(c -> names.isEmpty() || names.contains(c.labels().get(EngineStacks.SERVICE)))
                .sorted(Comparator.comparing(StackLogs::label)).toList();
    }

    @Override
    public void down() {
        down(false);
    }

    @Override
    public void downRemovingVolumes() {
        down(true);
    }

    private void down(boolean volumes) {
        List<ContainerSummary> containers = ps();
        List<String> inherited = volumes ? inheritedAnonymousVolumes(containers) : List.of();
        StackShutdown.stop(engine, containers, true, volumes);
        for (var network : engine.networks().list(Filter.none().label(EngineStacks.PROJECT, project))) {
            engine.networks().find(network.id()).ifPresent(dev.berth.Network::close);
        }
        if (volumes) {
            for (var volume : engine.volumes().list(Filter.none().label(EngineStacks.PROJECT, project))) {
                engine.volumes().find(volume.name()).ifPresent(dev.berth.Volume::close);
            }
            for (String volume : inherited) {
                try {
                    engine.volumes().find(volume).ifPresent(dev.berth.Volume::remove);
                } catch (dev.berth.ConflictException inUseElsewhere) {
                    // another container mounts it too: it is not this stack's alone
                }
            }
        }
    }

    /**
     * Engine-named (anonymous) volumes the containers mount by name: what a recreated container inherited from the
     * one it replaced (see {@code EngineStacks.anonymousVolumes}). {@code docker rm -v} removes only volumes that are
     * anonymous in the container's own configuration, so down -v removes these itself.
     */
    private List<String> inheritedAnonymousVolumes(List<ContainerSummary> containers) {
        List<String> names = new ArrayList<>();
        for (ContainerSummary summary : containers) {
            try {
                engine.containers().find(summary.id()).ifPresent(c -> c.inspect().settings().mounts().stream()
                        .filter(m -> "volume".equals(m.type()) && m.name() != null && m.name().matches("[0-9a-f]{64}"))
                        .forEach(m -> names.add(m.name())));
            } catch (ContainerNotFoundException gone) {
                // removed meanwhile: nothing of it to remove
            }
        }
        return names;
    }

    @Override
    public void close() {
        down(false);
    }

    @Override
    public String toString() {
        return "Stack " + project + " " + ps();
    }
}
