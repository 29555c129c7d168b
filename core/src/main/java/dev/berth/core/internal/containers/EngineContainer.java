package dev.berth.core.internal.containers;

import dev.berth.Container;
import dev.berth.ContainerNotFoundException;
import dev.berth.ContainerNotRunningException;
import dev.berth.ContainerSpec;
import dev.berth.ContainerState;
import dev.berth.DockerException;
import dev.berth.ExecResult;
import dev.berth.ExecSpec;
import dev.berth.InvalidSpecException;
import dev.berth.Logs;
import dev.berth.PortBinding;
import dev.berth.Protocol;
import dev.berth.PublishedPort;
import dev.berth.Wait;
import dev.berth.core.internal.engine.Engine;
import dev.berth.core.internal.engine.Failures;
import dev.berth.core.internal.wait.ExitWatch;
import dev.berth.core.internal.wait.WaitRunner;
import dev.berth.core.internal.wait.WaitTarget;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A container handle backed by the engine. */
public final class EngineContainer implements WaitTarget {
    private static final Logger LOG = LoggerFactory.getLogger(EngineContainer.class);

    private final Engine engine;
    private final String id;
    private final ContainerSpec spec;
    private volatile String name;
    private volatile List<PublishedPort> publishedPorts;

    EngineContainer(Engine engine, String id, String name, ContainerSpec spec) {
        this.engine = engine;
        this.id = id;
        this.name = name;
        this.spec = spec;
    }

    /** The spec it was made from; null for a handle found by id or name. */
    ContainerSpec spec() {
        return spec;
    }

        public Engine engine() {
        return engine;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        String known = name;
        if (known == null) {
            known = inspect().name();
            name = known;
        }
        return known;
    }

    @Override
    public EngineContainer start() {
        Boolean started = engine.call("start container " + label(), () -> {
            engine.client().startContainerCmd(id).exec();
            return true;
        }, Failures.on(404, f -> StartFailures.missing(this, f)).andAnyOtherAnswer(f -> StartFailures.failed(this, f)).notModifiedIsFine());
        if (started != null) {
            publishedPorts = null;
        }
        return this;
    }

    @Override
    public EngineContainer stop() {
        return lifecycle("stop", () -> engine.streamingClient().stopContainerCmd(id).exec());
    }

    @Override
    public EngineContainer stop(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new InvalidSpecException("stop timeout", timeout, "it must be 0 or more",
                    "give e.g. Duration.ofSeconds(10), or call stop() for the container's own timeout");
        }
        return lifecycle("stop", () -> engine.streamingClient().stopContainerCmd(id).withTimeout((int) timeout.toSeconds())
                .exec());
    }

    @Override
    public EngineContainer kill() {
        return lifecycle("kill", () -> engine.client().killContainerCmd(id).exec());
    }

    @Override
    public EngineContainer kill(String signal) {
        if (signal == null || signal.isBlank()) {
            throw new InvalidSpecException("signal", signal, "a signal is a name (SIGHUP, HUP) or a number",
                    "e.g. kill(\"SIGHUP\"), or kill() for SIGKILL");
        }
        return lifecycle("kill", () -> engine.client().killContainerCmd(id).withSignal(signal).exec());
    }

    @Override
    public EngineContainer restart() {
        lifecycle("restart", () -> engine.streamingClient().restartContainerCmd(id).exec());
        publishedPorts = null;
        return this;
    }

    @Override
    public EngineContainer pause() {
        return lifecycle("pause", () -> engine.client().pauseContainerCmd(id).exec());
    }

    @Override
    public EngineContainer unpause() {
        return lifecycle("unpause", () -> engine.client().unpauseContainerCmd(id).exec());
    }

    @Override
    public EngineContainer rename(String newName) {
        if (newName == null || !newName.matches("/?[a-zA-Z0-9][a-zA-Z0-9_.-]+")) {
            throw new InvalidSpecException("container name", newName,
                    "a name must match [a-zA-Z0-9][a-zA-Z0-9_.-]+ (at least two characters)",
                    "use letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        engine.run("rename container " + label(), () -> engine.client().renameContainerCmd(id).withName(newName).exec(),
                Failures.on(409, f -> new dev.berth.NameConflictException(newName, null, f.cause()))
                        .and(400, f -> new InvalidSpecException("container name", newName, f.message(),
                                "use letters, digits, '_', '.' or '-', starting with a letter or digit", f.cause()))
                        .and(404, this::notFound));
        name = newName;
        return this;
    }

    @Override
    public void remove() {
        remove(dev.berth.ContainerRemoval.stoppedOnly());
    }

    @Override
    public void remove(dev.berth.ContainerRemoval how) {
        Arguments.required("container removal", how,
                "pass ContainerRemoval.stoppedOnly() or ContainerRemoval.forced()");
        engine.run("remove container " + label(),
                () -> engine.client().removeContainerCmd(id).withForce(how.force()).withRemoveVolumes(how.volumes())
                        .exec(),
                Failures.on(404, this::notFound).and(409, f -> new dev.berth.ConflictException("Cannot remove container "
                        + label() + ": " + f.message() + ". Stop it first, or remove(ContainerRemoval.forced()).",
                        f.cause())));
    }

    /** Closing is idempotent: already removed (auto-remove, closed twice) or being removed is fine. */
    @Override
    public void close() {
        String operation = "remove container " + label();
        engine.run(operation, () -> engine.client().removeContainerCmd(id).withForce(true).withRemoveVolumes(true)
                .exec(), Failures.on(404, gone -> null).and(409, f -> f.message().contains("already in progress")
                        ? null : f.unexplained()));
    }

    /**
     * Cleanup after a failed run: never hides the original error. An interrupted caller still gets its container
     * removed: the interrupt flag is set aside for the removal (an interrupted thread's socket channel closes at once,
     * which left the container running in 2 of 5 tries) and restored afterwards.
     */
    public void removeQuietly() {
        boolean interrupted = Thread.interrupted();
        try {
            if (!engine.closed()) {
                try {
                    close();
                    return;
                } catch (dev.berth.DockerClosedException closedMeanwhile) {
                    // removed below on a connection of its own
                }
            }
            // Docker.close() came in between: never leave the container running
            engine.cleanup(raw -> {
                try {
                    raw.delete("/containers/" + id + "?force=1&v=1");
                } catch (dev.berth.core.internal.transport.HttpError e) {
                    if (e.status() != 404) {
                        throw e;
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not remove container {} after a failed start: {}", label(), e.getMessage());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public ContainerState inspect() {
        // raw JSON, one request: docker-java's model lacks some host settings (see SettingsMapper)
        ContainerState state = StateMapper.state(engine.call("inspect container " + label(),
                () -> engine.raw().get("/containers/" + id + "/json"), Failures.on(404, this::notFound)));
        if (state.running()) {
            publishedPorts = state.ports();
        }
        return state;
    }

    @Override
    public int hostPort(int containerPort) {
        return hostPort(containerPort, Protocol.TCP);
    }

    @Override
    public int hostPort(int containerPort, Protocol protocol) {
        if (spec != null) {
            for (PortBinding p : spec.ports()) {
                if (p.containerPort() == containerPort && p.protocol() == protocol && !p.randomHostPort()) {
                    return p.hostPort();
                }
            }
        }
        List<PublishedPort> ports = publishedPorts;
        if (ports == null) {
            ports = inspect().ports();
            publishedPorts = ports;
        }
        return ports.stream()
                .filter(p -> p.containerPort() == containerPort && p.protocol() == protocol)
                .mapToInt(PublishedPort::hostPort)
                .findFirst()
                .orElseThrow(() -> new InvalidSpecException("container port", containerPort + "/"
                        + protocol.wireName(), "it is not published on the host (published: " + publishedPorts + ")",
                        "add .publish(" + containerPort + ") to the spec, and make sure the container is running"));
    }

    @Override
    public ExitWatch watchExit() {
        engine.requireOpen("wait for " + label());
        return ExitWatch.start(engine.streamingClient(), id, label());
    }

    @Override
    public boolean mayPublish(int containerPort) {
        return spec == null || spec.ports().stream().anyMatch(p -> p.containerPort() == containerPort);
    }

    @Override
    public String host() {
        return engine.publishedHost();
    }

    @Override
    public Logs logs() {
        return new EngineLogs(this);
    }

    @Override
    public ExecResult exec(String... command) {
        return exec(ExecSpec.of(command));
    }

    @Override
    public ExecResult exec(ExecSpec spec) {
        Arguments.required("exec spec", spec, "pass e.g. ExecSpec.of(\"ls\")");
        return ExecRunner.run(this, spec);
    }

    @Override
    public int exec(ExecSpec spec, OutputStream stdout, OutputStream stderr) {
        return ExecRunner.run(this, spec, stdout, stderr);
    }

    @Override
    public int exec(ExecSpec spec, java.util.function.Consumer<dev.berth.LogLine> lines) {
        return ExecRunner.run(this, spec, lines);
    }

    @Override
    public void copyIn(Path hostPath, String containerDir) {
        ContainerFiles.copyIn(this, hostPath, containerDir);
    }

    @Override
    public void copyIn(byte[] content, String containerPath, int mode) {
        ContainerFiles.copyIn(this, content, containerPath, mode);
    }

    @Override
    public void copyOut(String containerPath, Path hostDir) {
        ContainerFiles.copyOut(this, containerPath, hostDir);
    }

    @Override
    public void copyOut(String containerPath, OutputStream target) {
        ContainerFiles.copyOut(this, containerPath, target);
    }

    @Override
    public dev.berth.ContainerStats stats() {
        com.fasterxml.jackson.databind.JsonNode s = engine.call("stats of " + label(),
                () -> engine.raw().get("/containers/" + id + "/stats?stream=false"));
        return StatsMapper.stats(s);
    }

    @Override
    public int attach(java.io.InputStream stdin, OutputStream stdout) {
        return attachAsync(stdin, stdout).awaitExit(Duration.ofDays(365));
    }

    @Override
    public EngineAttachment attachAsync(java.io.InputStream stdin, OutputStream stdout) {
        return EngineAttachment.open(this, stdin, stdout);
    }

    /** The raw inspect answer, for the few places that need engine fields Berth does not model. */
    com.github.dockerjava.api.command.InspectContainerResponse inspectRaw() {
        return call("inspect", () -> ContainerInspect.of(engine, id));
    }

    /** Waits (one long-poll) until the container is not running and returns its exit code. */
    int awaitExitCode(Duration timeout) {
        ExitWatch watch = watchExit();
        try {
            Integer code = watch.await(timeout);
            return code != null ? code : inspect().exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException("Interrupted while waiting for " + label() + " to exit", e);
        } finally {
            watch.closeQuietly();
        }
    }

    @Override
    public EngineContainer waitFor(Wait wait) {
        Arguments.required("wait", wait, "pass e.g. Wait.port(80)");
        WaitRunner.await(this, wait);
        return this;
    }

    /** A readable name for messages: the name when known, else the short id. */
    @Override
    public String label() {
        String known = name;
        return known != null ? known + " (" + shortId() + ")" : shortId();
    }

    String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /** Runs a lifecycle call: an already-reached state is fine, a missing container or a wrong state is typed. */
    private EngineContainer lifecycle(String operation, Runnable action) {
        // e.g. stop on a stopped container (304): the wanted state holds
        engine.run(operation + " container " + label(), action, failures(operation).notModifiedIsFine());
        return this;
    }

    /** What a failure means for a call on this container: 404 it is gone, 409 it is in the wrong state. */
    Failures failures(String operation) {
        return Failures.on(404, this::notFound).and(409, f -> conflict(operation, f));
    }

    private RuntimeException notFound(Failures.Failure f) {
        return new ContainerNotFoundException(label(), f.cause());
    }

    private RuntimeException conflict(String operation, Failures.Failure f) {
        String message = f.message();
        RuntimeException e = f.cause();
        if (message.contains("is not running") || message.contains("is paused") || message.contains("is restarting")) {
            return new ContainerNotRunningException(label(), operation, message, e);
        }
        return new dev.berth.ConflictException("Cannot " + operation + " container " + label() + ": " + message, e);
    }

    <T> T call(String operation, Supplier<T> action) {
        return engine.call(operation + " in container " + label(), action, failures(operation));
    }

    @Override
    public String toString() {
        return "Container " + label() + (spec == null ? "" : " " + spec.imageName());
    }
}
