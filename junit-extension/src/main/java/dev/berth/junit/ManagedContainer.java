package dev.berth.junit;

import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.Docker;
import dev.berth.ExecResult;
import dev.berth.InvalidSpecException;
import dev.berth.Logs;
import java.time.Duration;
import java.util.List;

/**
 * A container the JUnit extension starts and removes: declare it as a field of a {@link DockerTest} class. Its
 * lifecycle follows the field, made explicit where a field alone is ambiguous:
 * <ul>
 * <li>instance field: a new container for each test;</li>
 * <li>static field: one container for the class (and its {@code @Nested} classes); a static field of a base class
 *     used by several classes at once is started once and removed after the last of them;</li>
 * <li>{@link #shared()} static field (in a base class or a holder class): started by the first class that uses
 *     it, removed when the whole run ends;</li>
 * <li>{@link #reuse()}: kept running after the run and adopted by the next run whose spec is the same (off when the
 *     {@code CI} environment variable is set, unless {@code berth.reuse.enabled=true}).</li>
 * </ul>
 * <pre>{@code
 * static final ManagedContainer DB = ManagedContainer.of(ContainerSpec.of("postgres:15")
 *         .env("POSTGRES_PASSWORD", "pw").publish(5432)
 *         .waitFor(Wait.log("database system is ready to accept connections").times(2)));
 * }</pre>
 * Immutable configuration; {@link #shared()} and {@link #reuse()} return new objects.
 */
public final class ManagedContainer extends Managed {
    private final ContainerSpec spec;
    private final boolean shared;
    private final Duration reuseTtl; // null: not reused
    private volatile Container container;
    private volatile ReusedContainers.Adoption adoption;
    private String lockedName;

    private ManagedContainer(ContainerSpec spec, boolean shared, Duration reuseTtl) {
        this.spec = spec;
        this.shared = shared;
        this.reuseTtl = reuseTtl;
    }

    public static ManagedContainer of(ContainerSpec spec) {
        if (spec == null) {
            throw new InvalidSpecException("container spec", null, "a ManagedContainer needs a spec",
                    "pass ContainerSpec.of(\"image\")…");
        }
        return new ManagedContainer(spec, false, null);
    }

    /** Started once for the whole run, by the first test class that uses it; removed when the run ends. */
    public ManagedContainer shared() {
        return new ManagedContainer(spec, true, reuseTtl);
    }

    /**
     * Kept running after the run and adopted by later runs (other JVMs too) whose spec is the same; removed by a
     * later run once idle for {@code berth.reuse.ttl} (default 30 minutes).
     */
    public ManagedContainer reuse() {
        return new ManagedContainer(spec, shared, Duration.ZERO);
    }

    /** {@link #reuse()} with its own idle time after which a later run removes it. */
    public ManagedContainer reuse(Duration idleTtl) {
        if (idleTtl == null || idleTtl.isNegative() || idleTtl.isZero()) {
            throw new InvalidSpecException("reuse TTL", idleTtl, "the idle time must be positive",
                    "e.g. reuse(Duration.ofMinutes(30))");
        }
        return new ManagedContainer(spec, shared, idleTtl);
    }

    public ContainerSpec spec() {
        return spec;
    }

    public boolean isShared() {
        return shared;
    }

    public boolean isReuse() {
        return reuseTtl != null;
    }

    /** The running container; fails with a clear message outside the container's lifetime. */
    public Container container() {
        Container current = container;
        if (current == null) {
            throw new IllegalStateException("This ManagedContainer (" + spec.imageName() + ") is not running: it is"
                    + " started only in a class annotated @DockerTest, for a static field before all tests and for an"
                    + " instance field before each test.");
        }
        return current;
    }

    public int hostPort(int containerPort) {
        return container().hostPort(containerPort);
    }

    public String host() {
        return container().host();
    }

    public ExecResult exec(String... command) {
        return container().exec(command);
    }

    public Logs logs() {
        return container().logs();
    }

    public boolean isRunning() {
        return container != null;
    }

    /** True when this run adopted a container an earlier run left for reuse (false when it started it). */
    public boolean wasReused() {
        ReusedContainers.Adoption current = adoption;
        return current != null && current.adopted();
    }

    @Override
    void start(Docker docker, Settings settings, Origin origin) {
        if (reuseTtl != null && settings.reuseEnabled()) {
            Duration ttl = reuseTtl.isZero() ? settings.defaultReuseTtl() : reuseTtl;
            adoption = ReusedContainers.adoptOrStart(docker, spec, ttl, settings.reuseStateDir());
            container = adoption.container();
            return;
        }
        ContainerSpec labelled = spec.label(BerthExtension.TEST_LABEL, origin.testClass());
        if (origin.testMethod() != null) {
            labelled = labelled.label(BerthExtension.TEST_METHOD_LABEL, origin.testMethod());
        }
        if (spec.name() != null) {
            // a fixed name: wait for another test of this run that holds it, rather than clash or remove its container
            NameLocks.acquire("container", spec.name());
            lockedName = spec.name();
        }
        try {
            container = docker.containers().run(labelled);
        } catch (RuntimeException e) {
            unlockName();
            throw e;
        }
    }

    @Override
    void stop() {
        Container current = container;
        container = null;
        ReusedContainers.Adoption held = adoption;
        adoption = null;
        try {
            if (held != null) {
                held.close(); // the container stays for the next run
            } else if (current != null) {
                current.close();
            }
        } finally {
            unlockName();
        }
    }

    private void unlockName() {
        if (lockedName != null) {
            NameLocks.release("container", lockedName);
            lockedName = null;
        }
    }

    @Override
    boolean runScoped(Settings settings) {
        return shared || (reuseTtl != null && settings.reuseEnabled());
    }

    @Override
    List<Container> liveContainers() {
        Container current = container;
        return current == null ? List.of() : List.of(current);
    }

    @Override
    public String toString() {
        return "ManagedContainer[" + spec + (shared ? ", shared" : "") + (reuseTtl != null ? ", reuse" : "")
                + (container == null ? ", not running" : ", " + container.name()) + "]";
    }
}
