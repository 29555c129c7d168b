package dev.berth.core.internal.compose;

import dev.berth.Container;
import dev.berth.ContainerFilter;
import dev.berth.ContainerNotFoundException;
import dev.berth.ContainerSummary;
import dev.berth.Filter;
import dev.berth.Stack;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A compose project, found by its label, so a handle works for stacks brought up elsewhere too. */
final class EngineStack implements Stack {
    private static final Logger LOG = LoggerFactory.getLogger(EngineStack.class);
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
    public Container service(String service) {
        List<ContainerSummary> matches = engine.containers().list(ContainerFilter.all()
                .label(EngineStacks.PROJECT, project).label(EngineStacks.SERVICE, service));
        if (matches.isEmpty()) {
            throw new ContainerNotFoundException(project + "/" + service, null);
        }
        return engine.containers().get(matches.get(0).id());
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
        for (ContainerSummary container : ps()) {
            engine.containers().find(container.id()).ifPresent(Container::close);
        }
        for (var network : engine.networks().list(Filter.none().label(EngineStacks.PROJECT, project))) {
            engine.networks().find(network.id()).ifPresent(dev.berth.Network::close);
        }
        if (volumes) {
            for (var volume : engine.volumes().list(Filter.none().label(EngineStacks.PROJECT, project))) {
                engine.volumes().find(volume.name()).ifPresent(dev.berth.Volume::close);
            }
        }
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
