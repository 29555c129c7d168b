package dev.berth.core.internal.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.model.Container;
import dev.berth.ContainerFilter;
import dev.berth.ContainerNotFoundException;
import dev.berth.ContainerSpec;
import dev.berth.ContainerStatus;
import dev.berth.ContainerSummary;
import dev.berth.Containers;
import dev.berth.Filter;
import dev.berth.ImageNotFoundException;
import dev.berth.InvalidSpecException;
import dev.berth.NameConflictException;
import dev.berth.Protocol;
import dev.berth.PruneReport;
import dev.berth.PublishedPort;
import dev.berth.PullPolicy;
import dev.berth.Wait;
import dev.berth.core.internal.engine.Engine;
import dev.berth.core.internal.engine.EngineMessages;
import dev.berth.core.internal.engine.Failures;
import dev.berth.core.internal.engine.Prunes;
import dev.berth.core.internal.images.ImagePuller;
import dev.berth.core.internal.transport.RawEngine;
import dev.berth.core.internal.wait.WaitRunner;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** run / create / get / list. */
public final class EngineContainers implements Containers {
    private final Engine engine;

    public EngineContainers(Engine engine) {
        this.engine = engine;
    }

    /** Marks the containers of one run() call, so a create whose answer was lost can still be found and removed. */
    static final String RUN_LABEL = "dev.berth.run";

    /**
     * Create, start, wait; on any failure the container is removed, always: also when the caller was interrupted,
     * when {@code Docker.close()} came in between (the removal then uses a connection of its own), and when the
     * create's answer was lost (the container is found by its run label).
     */
    @Override
    public EngineContainer run(ContainerSpec spec) {
        requireSpec(spec);
        String token = java.util.UUID.randomUUID().toString();
        EngineContainer container;
        try {
            container = create(spec, Map.of(RUN_LABEL, token), CreateExtras.NONE);
        } catch (RuntimeException e) {
            if (outcomeUnknown(e)) {
                removeRun(token, e);
            }
            throw e;
        }
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

    /** The call may or may not have reached the engine: its answer never came. */
    private static boolean outcomeUnknown(RuntimeException e) {
        return e instanceof dev.berth.DockerClosedException || e instanceof dev.berth.EngineConnectionLostException
                || e instanceof dev.berth.EngineTimeoutException
                || dev.berth.core.internal.transport.TransportFailure.in(e) != null;
    }

    /**
     * Removes whatever a run with this token created (nothing, usually). A create cut off mid-flight may still be
     * completed by the engine a moment later (seen on 20.10 in runRacingClose), so an empty answer is asked again
     * again at 0.3, 1, 2.5 and 5 s (a loaded engine may read the request only after Berth closed the socket).
     */
    private void removeRun(String token, RuntimeException cause) {
        boolean interrupted = Thread.interrupted();
        try {
            engine.cleanup(raw -> {
                String filter = RawEngine.filters(Map.of("label", List.of(RUN_LABEL + "=" + token)));
                for (long pause : new long[] {0, 300, 700, 1500, 2500}) {
                    sleepQuietly(pause);
                    JsonNode found = raw.get("/containers/json?all=1&" + filter);
                    for (JsonNode c : found) {
                        raw.delete("/containers/" + c.path("Id").asText() + "?force=1&v=1");
                    }
                    if (found.size() > 0) {
                        return;
                    }
                }
            });
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public EngineContainer create(ContainerSpec spec) {
        requireSpec(spec);
        return create(spec, Map.of(), CreateExtras.NONE);
    }

    /** A create with the fields Compose sends beyond what a {@link ContainerSpec} holds (for stacks). */
    public EngineContainer create(ContainerSpec spec, CreateExtras extras) {
        requireSpec(spec);
        return create(spec, Map.of(), extras);
    }

    private EngineContainer create(ContainerSpec spec, Map<String, String> runLabels, CreateExtras extras) {
        if (spec.lifecycle().pullPolicy() == PullPolicy.ALWAYS) {
            ImagePuller.pull(engine, spec.imageName(), spec.image());
        }
        // Asking first would cost a call on every run; a 404 on create means a missing image (or network).
        EngineContainer created = createOnce(spec, runLabels, extras, missing -> {
            if (!missing.message().toLowerCase(java.util.Locale.ROOT).contains("image")) {
                return missingReference(spec, missing);
            }
            if (spec.lifecycle().pullPolicy() == PullPolicy.NEVER) {
                return new ImageNotFoundException(spec.imageName(), "(pull policy NEVER: not pulled)",
                        missing.message(), missing.cause());
            }
            return null; // pull, then try again
        });
        if (created != null) {
            return created;
        }
        ImagePuller.pull(engine, spec.imageName(), spec.image());
        return createOnce(spec, runLabels, extras, again -> new ImageNotFoundException(spec.imageName(), spec.image().registry(),
                again.message(), again.cause()));
    }

    private static void requireSpec(ContainerSpec spec) {
        if (spec == null) {
            throw new InvalidSpecException("container spec", null, "it is required (null given)",
                    "pass e.g. ContainerSpec.of(\"nginx\")");
        }
    }

    private static RuntimeException missingReference(ContainerSpec spec, Failures.Failure missing) {
        if (EngineMessages.of(missing.message()) instanceof EngineMessages.NetworkMissing network) {
            return new dev.berth.NetworkNotFoundException(network.network(), missing.cause());
        }
        return new dev.berth.NotFoundException("Cannot create a container from " + spec + ": " + missing.message(),
                missing.cause());
    }

    /** One create; null when {@code onMissing} says a 404 is to be handled by the caller. */
    private EngineContainer createOnce(ContainerSpec spec, Map<String, String> runLabels, CreateExtras extras,
            Function<Failures.Failure, RuntimeException> onMissing) {
        Map<String, String> labels = new java.util.HashMap<>(engine.berthLabels());
        labels.putAll(runLabels);
        CreateContainerResponse response = engine.call("create container from " + spec.imageName(),
                () -> CreateRequest.send(engine, CreateRequest.build(engine.client(), spec, labels), extras),
                Failures.on(409, f -> new NameConflictException(spec.name(),
                                EngineMessages.of(f.message()) instanceof EngineMessages.NameInUse inUse
                                        ? inUse.holderId() : null, f.cause()))
                        .and(400, f -> new InvalidSpecException("container spec", spec, "the engine refused it: "
                                + f.message(), "change the value the engine names", f.cause()))
                        .and(404, onMissing));
        return response == null ? null : new EngineContainer(engine, response.getId(), spec.name(), spec);
    }

    @Override
    public EngineContainer get(String idOrName) {
        return findContainer(idOrName).orElseThrow(() -> new ContainerNotFoundException(idOrName, null));
    }

    @Override
    public Optional<dev.berth.Container> find(String idOrName) {
        return findContainer(idOrName).map(c -> (dev.berth.Container) c);
    }

    /**
     * A handle on a container the caller has just listed, without the inspect {@link #get} spends: for bulk
     * operations (a stack's down) where one request per container matters. Calls on it fail with
     * {@code ContainerNotFoundException} if it is gone by then.
     */
    public EngineContainer listed(ContainerSummary summary) {
        return new EngineContainer(engine, summary.id(), summary.name(), null);
    }

    private Optional<EngineContainer> findContainer(String idOrName) {
        return engine.find("inspect container " + idOrName, () -> ContainerInspect.of(engine, idOrName))
                .map(inspect -> new EngineContainer(engine, inspect.getId(),
                        StateMapper.stripSlash(inspect.getName()), null));
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
                () -> engine.raw().post("/containers/prune?" + query));
        return PruneReport.ofContainers(Prunes.names(r.path("ContainersDeleted")), r.path("SpaceReclaimed").asLong());
    }

    private static ContainerSummary summary(Container c) {
        String name = c.getNames() == null || c.getNames().length == 0 ? ""
                : StateMapper.stripSlash(Arrays.stream(c.getNames()).filter(n -> n.lastIndexOf('/') == 0)
                        .findFirst().orElse(c.getNames()[0]));
        Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
        return new ContainerSummary(c.getId(), name, c.getImage(), c.getCommand(), ContainerStatus.parse(c.getState()),
                c.getStatus(), c.getCreated() == null ? null : Instant.ofEpochSecond(c.getCreated()), summaryPorts(c),
                labels);
    }

    /** The ports column of docker ps: published ones with their host side, exposed-only ones with port 0. */
    private static List<PublishedPort> summaryPorts(Container c) {
        if (c.getPorts() == null) {
            return List.of();
        }
        return Arrays.stream(c.getPorts()).filter(p -> p.getPrivatePort() != null)
                .map(p -> new PublishedPort(p.getPrivatePort(),
                        Protocol.valueOf((p.getType() == null ? "tcp" : p.getType()).toUpperCase(Locale.ROOT)),
                        p.getIp() == null ? "" : p.getIp(), p.getPublicPort() == null ? 0 : p.getPublicPort()))
                .toList();
    }
}
