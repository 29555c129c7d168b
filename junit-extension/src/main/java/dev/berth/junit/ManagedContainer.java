package dev.berth.junit;

import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.Docker;
import dev.berth.ExecResult;
import dev.berth.Logs;

/**
 * A container the JUnit extension starts and removes: declare it as a field of a {@link DockerTest} class.
 * <pre>{@code
 * static final ManagedContainer DB = ManagedContainer.of(ContainerSpec.of("postgres:15")
 *         .env("POSTGRES_PASSWORD", "pw").publish(5432)
 *         .waitFor(Wait.log("database system is ready to accept connections").times(2)));
 * }</pre>
 */
public final class ManagedContainer {
    private final ContainerSpec spec;
    private volatile Container container;

    private ManagedContainer(ContainerSpec spec) {
        this.spec = spec;
    }

    public static ManagedContainer of(ContainerSpec spec) {
        return new ManagedContainer(spec);
    }

    public ContainerSpec spec() {
        return spec;
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

    void start(Docker docker, String testClass, String testMethod) {
        ContainerSpec labelled = spec.label(BerthExtension.TEST_LABEL, testClass);
        container = docker.containers().run(testMethod == null ? labelled
                : labelled.label(BerthExtension.TEST_METHOD_LABEL, testMethod));
    }

    void stop() {
        Container current = container;
        container = null;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public String toString() {
        return "ManagedContainer[" + spec + (container == null ? ", not running" : ", " + container) + "]";
    }
}
