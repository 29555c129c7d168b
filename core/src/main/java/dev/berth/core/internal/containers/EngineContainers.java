package dev.berth.core.internal.containers;

import dev.berth.core.internal.engine.EngineMessages;
import dev.berth.core.internal.engine.Engine;
import dev.berth.core.internal.engine.EngineErrors;
import dev.berth.core.internal.images.ImagePuller;
import dev.berth.core.internal.wait.WaitRunner;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.ContainerFilter;
import dev.berth.Filter;
import dev.berth.PruneReport;
import dev.berth.core.internal.engine.Prunes;
import dev.berth.core.internal.transport.RawEngine;
import dev.berth.ContainerNotFoundException;
import dev.berth.ContainerSpec;
import dev.berth.ContainerStatus;
import dev.berth.ContainerSummary;
import dev.berth.Containers;
import dev.berth.ImageNotFoundException;
import dev.berth.InvalidSpecException;
import dev.berth.NameConflictException;
import dev.berth.PullPolicy;
import dev.berth.Wait;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** run / create / get / list. */
public final class EngineContainers implements Containers {
    private final Engine engine;

    public EngineContainers(Engine engine) {
        this.engine = engine;
    }

    @Override
    public EngineContainer run(ContainerSpec spec) {
        requireSpec(spec);
        EngineContainer container = create(spec);
        try {
            container.start();
            if (!spec.waits().isEmpty()) {
                List<Wait> waits = spec.waits();
                WaitRunner.await(container, waits.size() == 1 ? waits.get(0) : allOf(waits));
            }
            return container;
        } catch (RuntimeException e) {
            container.removeQuietly();
            throw e;
        }
    }

    /** Several waitFor calls: all must hold, within the longest of their timeouts. */
    private static Wait allOf(List<Wait> waits) {
        var timeout = waits.stream().map(Wait::timeout).max(java.time.Duration::compareTo).orElse(Wait.DEFAULT_TIMEOUT);
        return Wait.allOf(waits.toArray(Wait[]::new)).timeout(timeout);
    }

    @Override
    public EngineContainer create(ContainerSpec spec) {
        requireSpec(spec);
        if (spec.lifecycle().pullPolicy() == PullPolicy.ALWAYS) {
            ImagePuller.pull(engine, spec.imageName(), spec.image());
        }
        try {
            return createOnce(spec);
        } catch (NotFoundException e) {
            // Asking first would cost a call on every run; a 404 on create means a missing image (or network).
            if (!EngineErrors.message(e).toLowerCase(java.util.Locale.ROOT).contains("image")) {
                throw missingReference(spec, e);
            }
            if (spec.lifecycle().pullPolicy() == PullPolicy.NEVER) {
                throw new ImageNotFoundException(spec.imageName(), "(pull policy NEVER: not pulled)",
                        EngineErrors.message(e), e);
            }
            ImagePuller.pull(engine, spec.imageName(), spec.image());
            try {
                return createOnce(spec);
            } catch (NotFoundException again) {
                throw new ImageNotFoundException(spec.imageName(), spec.image().registry(),
                        EngineErrors.message(again), again);
            }
        }
    }

    private static void requireSpec(ContainerSpec spec) {
        if (spec == null) {
            throw new InvalidSpecException("container spec", null, "it is required (null given)",
                    "pass e.g. ContainerSpec.of(\"nginx\")");
        }
    }

    private static RuntimeException missingReference(ContainerSpec spec, NotFoundException e) {
        String message = EngineErrors.message(e);
        if (EngineMessages.of(message) instanceof EngineMessages.NetworkMissing missing) {
            return new dev.berth.NetworkNotFoundException(missing.network(), e);
        }
        return new dev.berth.NotFoundException("Cannot create a container from " + spec + ": " + message, e);
    }

    private EngineContainer createOnce(ContainerSpec spec) {
        try {
            CreateContainerResponse response = CreateRequest.build(engine.client(), spec, engine.berthLabels()).exec();
            return new EngineContainer(engine, response.getId(), spec.name(), spec);
        } catch (ConflictException e) {
            String holder = EngineMessages.of(EngineErrors.message(e)) instanceof EngineMessages.NameInUse inUse
                    ? inUse.holderId() : null;
            throw new NameConflictException(spec.name(), holder, e);
        } catch (BadRequestException e) {
            throw new InvalidSpecException("container spec", spec, "the engine refused it: " + EngineErrors.message(e),
                    "change the value the engine names", e);
        } catch (NotFoundException e) {
            throw e;
        } catch (RuntimeException e) {
            throw EngineErrors.generic("create container from " + spec.imageName(), e);
        }
    }

    @Override
    public EngineContainer get(String idOrName) {
        return findContainer(idOrName).orElseThrow(() -> new ContainerNotFoundException(idOrName, null));
    }

    @Override
    public Optional<dev.berth.Container> find(String idOrName) {
        return findContainer(idOrName).map(c -> (dev.berth.Container) c);
    }

    private Optional<EngineContainer> findContainer(String idOrName) {
        try {
            var inspect = engine.client().inspectContainerCmd(idOrName).exec();
            return Optional.of(new EngineContainer(engine, inspect.getId(), StateMapper.stripSlash(inspect.getName()),
                    null));
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw EngineErrors.generic("inspect container " + idOrName, e);
        }
    }

    @Override
    public List<ContainerSummary> list() {
        return list(ContainerFilter.running());
    }

    @Override
    public List<ContainerSummary> list(ContainerFilter filter) {
        var cmd = engine.client().listContainersCmd().withShowAll(filter.includesStopped());
        filter.filters().forEach(cmd::withFilter);
        List<Container> rows = engine.call("list containers", cmd::exec);
        return rows.stream().map(EngineContainers::summary).toList();
    }

    @Override
    public PruneReport prune(Filter filter) {
        String query = RawEngine.filters(filter.asMap());
        JsonNode r = engine.call("prune containers",
                () -> Prunes.waitingForOthers(() -> engine.raw().post("/containers/prune?" + query)));
        return PruneReport.ofContainers(Prunes.names(r.path("ContainersDeleted")), r.path("SpaceReclaimed").asLong());
    }

    private static ContainerSummary summary(Container c) {
        String name = c.getNames() == null || c.getNames().length == 0 ? ""
                : StateMapper.stripSlash(Arrays.stream(c.getNames()).filter(n -> n.lastIndexOf('/') == 0)
                        .findFirst().orElse(c.getNames()[0]));
        Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
        return new ContainerSummary(c.getId(), name, c.getImage(), ContainerStatus.parse(c.getState()), c.getStatus(),
                c.getCreated() == null ? null : Instant.ofEpochSecond(c.getCreated()), labels);
    }
}
