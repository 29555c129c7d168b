package dev.berth.junit;

import dev.berth.Container;
import dev.berth.ContainerStartupException;
import dev.berth.ContainerState;
import dev.berth.ContainerSummary;
import dev.berth.Docker;
import dev.berth.Health;
import dev.berth.InvalidSpecException;
import dev.berth.Stack;
import dev.berth.StackSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A compose application the JUnit extension brings up and takes down: declare it as a field of a {@link DockerTest}
 * class (instance field: per test; static: per class; {@link #shared()}: once per run). It is up before the tests
 * run: every service running, and healthy where it has a health check (one-shot services may have exited with 0).
 * <pre>{@code
 * static final ManagedStack SHOP = ManagedStack.of(Path.of("src/test/resources/shop/docker-compose.yml"));
 * @Test void orders() { int port = SHOP.service("db").hostPort(5432); }
 * }</pre>
 * Without a project name in the spec each start gets a unique one ({@code <dir>-<random>}), so parallel classes and
 * runs never share a stack; with a fixed one, tests of this run that use it take turns. Down removes the stack's
 * containers with their anonymous volumes and its networks, and its named volumes when the project name was generated.
 */
public final class ManagedStack extends Managed {
    static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private final StackSpec spec;
    private final boolean shared;
    private volatile Stack stack;
    private volatile Docker docker;
    private boolean generatedName;

    private ManagedStack(StackSpec spec, boolean shared) {
        this.spec = spec;
        this.shared = shared;
    }

    /**
     * A compose stack for the test class: {@code docker compose up} before its tests, {@code down} after them.
     *
     * @param spec the compose files, name, variables and profiles
     * @return the managed stack, per class (static field) or per test (instance field)
     * @throws dev.berth.InvalidSpecException when the spec is null
     */
    public static ManagedStack of(StackSpec spec) {
        if (spec == null) {
            throw new InvalidSpecException("stack spec", null, "a ManagedStack needs a spec",
                    "pass StackSpec.fromCompose(Path.of(\"docker-compose.yml\"))");
        }
        return new ManagedStack(spec, false);
    }

    /**
     * {@code docker compose -f FILE up}, with a project name of its own.
     *
     * @param composeFile the compose file
     * @return the managed stack
     * @throws dev.berth.InvalidSpecException when the file does not exist
     */
    public static ManagedStack of(Path composeFile) {
        return of(StackSpec.fromCompose(composeFile));
    }

    /**
     * Brought up by the first test class that uses it, down when the run ends.
     *
     * @return a new managed stack with the same spec, shared by the run
     */
    public ManagedStack shared() {
        return new ManagedStack(spec, true);
    }

    /**
     * What it brings up.
     *
     * @return the spec
     */
    public StackSpec spec() {
        return spec;
    }

    /**
     * The running stack; fails with a clear message outside its lifetime.
     *
     * @return the running stack
     * @throws IllegalStateException when it is not up
     */
    public Stack stack() {
        Stack current = stack;
        if (current == null) {
            throw new IllegalStateException("This ManagedStack (" + spec.composeFile() + ") is not up: it is brought"
                    + " up only in a class annotated @DockerTest, for a static field before all tests and for an"
                    + " instance field before each test.");
        }
        return current;
    }

    /**
     * The container of a service, e.g. {@code service("db").hostPort(5432)}.
     *
     * @param service the service name
     * @return its container
     * @throws IllegalStateException when the stack is not up
     * @throws dev.berth.ContainerNotFoundException when there is no container for that service
     */
    public Container service(String service) {
        return stack().service(service);
    }

    /**
     * Whether the extension has brought it up (and not yet down).
     *
     * @return true while it is up
     */
    public boolean isRunning() {
        return stack != null;
    }

    @Override
    void start(Docker engine, Settings settings, Origin origin) {
        StackSpec named = spec;
        if (spec.projectName() == null) {
            String base = spec.composeFile() == null ? "berth" : StackSpec.defaultProjectName(spec.composeFile());
            named = spec.projectName(base + "-" + UUID.randomUUID().toString().substring(0, 8));
            generatedName = true;
        } else {
            NameLocks.acquire("stack", spec.projectName());
            generatedName = false;
        }
        try {
            Stack up = engine.stacks().up(named);
            try {
                waitUntilReady(engine, up);
            } catch (RuntimeException e) {
                try {
                    down(engine, up, generatedName);
                } catch (RuntimeException downFailed) {
                    e.addSuppressed(downFailed);
                }
                throw e;
            }
            this.docker = engine;
            this.stack = up;
        } catch (RuntimeException e) {
            unlockName();
            throw e;
        }
    }

    /** Until each service runs (and is healthy where it has a check) or has completed with exit code 0. */
    static void waitUntilReady(Docker docker, Stack stack) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (true) {
            List<String> waitingFor = new ArrayList<>();
            for (ContainerSummary summary : stack.ps()) {
                Container container = docker.containers().get(summary.id());
                ContainerState state = container.inspect();
                String service = summary.labels().getOrDefault("com.docker.compose.service", summary.name());
                switch (state.status()) {
                    case RUNNING -> {
                        if (state.health() == Health.UNHEALTHY) {
                            throw failed(stack, service, container, "is unhealthy", state);
                        }
                        if (state.health() == Health.STARTING) {
                            waitingFor.add(service + " (health starting)");
                        }
                    }
                    case EXITED, DEAD -> {
                        if (state.exitCode() == null || state.exitCode() != 0) {
                            throw failed(stack, service, container, "exited with code " + state.exitCode(), state);
                        }
                    }
                    default -> waitingFor.add(service + " (" + state.status() + ")");
                }
            }
            if (waitingFor.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ContainerStartupException("Stack " + stack.name() + " was not ready after "
                        + READY_TIMEOUT.toMinutes() + " minutes; still waiting for " + waitingFor, null, false,
                        List.of());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ContainerStartupException("Interrupted while waiting for stack " + stack.name(), null,
                        false, List.of());
            }
        }
    }

    private static ContainerStartupException failed(Stack stack, String service, Container container, String what,
            ContainerState state) {
        List<String> lines = container.logs().tail(20).texts();
        return new ContainerStartupException("Service '" + service + "' of stack " + stack.name() + " " + what
                + " while the stack was coming up.", state.exitCode(), state.oomKilled(), lines);
    }

    @Override
    void stop() {
        Stack current = stack;
        stack = null;
        try {
            if (current != null) {
                down(docker, current, generatedName);
            }
        } finally {
            unlockName();
        }
    }

    private void unlockName() {
        if (spec.projectName() != null && !generatedName) {
            NameLocks.release("stack", spec.projectName());
        }
    }

    @Override
    boolean runScoped(Settings settings) {
        return shared;
    }

    @Override
    List<Container> liveContainers() {
        Stack current = stack;
        Docker engine = docker;
        if (current == null || engine == null) {
            return List.of();
        }
        List<Container> containers = new ArrayList<>();
        for (ContainerSummary summary : current.ps()) {
            engine.containers().find(summary.id()).ifPresent(containers::add);
        }
        return containers;
    }

    @Override
    public String toString() {
        Stack current = stack;
        return "ManagedStack[" + spec.composeFile() + (shared ? ", shared" : "")
                + (current == null ? ", not up" : ", " + current.name()) + "]";
    }

    /**
     * A generated project name is this run's alone, so its volumes go too. A given name's named volumes are kept for
     * the next run, but the anonymous volumes of its containers (an image's {@code VOLUME}, e.g. redis' /data) go:
     * no later run could find them again, and {@code docker compose down} would leave them on the engine for good.
     * So the stack stops gracefully first (dependents first), then each container goes as {@code docker rm -v}
     * (anonymous volumes only, never named ones), then down removes the networks.
     */
    private static void down(Docker engine, Stack stack, boolean removeVolumes) {
        if (removeVolumes) {
            stack.downRemovingVolumes();
            return;
        }
        stack.stop();
        for (dev.berth.ContainerSummary c : stack.ps()) {
            engine.containers().find(c.id()).ifPresent(container -> container.remove(
                    dev.berth.ContainerRemoval.forced().withVolumes()));
        }
        stack.down();
    }
}
