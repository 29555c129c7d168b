package dev.berth.bench;

import dev.berth.ContainerSpec;
import dev.berth.Wait;
import dev.berth.junit.DockerTest;
import dev.berth.junit.ManagedContainer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The test classes the junit-class and reuse benchmarks run through the JUnit launcher: four independent containers
 * (nginx until HTTP 200, redis until its ready line, postgres until its second ready line, busybox), each
 * side's way; and each container alone, for "the slowest single".
 */
final class FourContainers {
    static final Duration POLL = Duration.ofMillis(5);

    private FourContainers() {
    }

    static ContainerSpec nginx() {
        return ContainerSpec.of("nginx:1.22").publish(80).waitFor(Wait.http(80, "/").forStatus(200).pollEvery(POLL));
    }

    static ContainerSpec redis() {
        return ContainerSpec.of("redis:7").publish(6379).waitFor(Wait.log("Ready to accept connections"));
    }

    static ContainerSpec postgres() {
        return ContainerSpec.of("postgres:15").env("POSTGRES_PASSWORD", "bench").publish(5432)
                .waitFor(Wait.log("database system is ready to accept connections").times(2));
    }

    static ContainerSpec busybox() {
        return ContainerSpec.of("busybox:1.36").command("sleep", "300");
    }

    @DockerTest
    static class Berth {
        static final ManagedContainer WEB = ManagedContainer.of(nginx());
        static final ManagedContainer CACHE = ManagedContainer.of(redis());
        static final ManagedContainer DB = ManagedContainer.of(postgres());
        static final ManagedContainer TOOL = ManagedContainer.of(busybox());

        @Test
        void allFourUp() {
            check(WEB.isRunning() && CACHE.isRunning() && DB.isRunning() && TOOL.isRunning());
        }
    }

    /** The same class with reuse asked for: a second run adopts the four. */
    @DockerTest
    static class BerthReused {
        static final ManagedContainer WEB = ManagedContainer.of(nginx().label("bench", "reuse")).reuse();
        static final ManagedContainer CACHE = ManagedContainer.of(redis().label("bench", "reuse")).reuse();
        static final ManagedContainer DB = ManagedContainer.of(postgres().label("bench", "reuse")).reuse();
        static final ManagedContainer TOOL = ManagedContainer.of(busybox().label("bench", "reuse")).reuse();

        @Test
        void allFourUp() {
            check(WEB.isRunning() && CACHE.isRunning() && DB.isRunning() && TOOL.isRunning());
        }
    }

    @DockerTest
    static class OnlyNginx {
        static final ManagedContainer WEB = ManagedContainer.of(nginx());

        @Test
        void up() {
            check(WEB.isRunning());
        }
    }

    @DockerTest
    static class OnlyRedis {
        static final ManagedContainer CACHE = ManagedContainer.of(redis());

        @Test
        void up() {
            check(CACHE.isRunning());
        }
    }

    @DockerTest
    static class OnlyPostgres {
        static final ManagedContainer DB = ManagedContainer.of(postgres());

        @Test
        void up() {
            check(DB.isRunning());
        }
    }

    @DockerTest
    static class OnlyBusybox {
        static final ManagedContainer TOOL = ManagedContainer.of(busybox());

        @Test
        void up() {
            check(TOOL.isRunning());
        }
    }

    /** Testcontainers' way, as its docs show: @Testcontainers with @Container static fields. */
    @Testcontainers
    static class WithTestcontainers {
        @Container
        static final GenericContainer<?> WEB = new GenericContainer<>(DockerImageName.parse("nginx:1.22"))
                .withExposedPorts(80)
                .waitingFor(org.testcontainers.containers.wait.strategy.Wait.forHttp("/").forStatusCode(200));
        @Container
        static final GenericContainer<?> CACHE = new GenericContainer<>(DockerImageName.parse("redis:7"))
                .withExposedPorts(6379)
                .waitingFor(org.testcontainers.containers.wait.strategy.Wait
                        .forLogMessage(".*Ready to accept connections.*\\n", 1));
        @Container
        static final GenericContainer<?> DB = new GenericContainer<>(DockerImageName.parse("postgres:15"))
                .withEnv("POSTGRES_PASSWORD", "bench").withExposedPorts(5432)
                .waitingFor(org.testcontainers.containers.wait.strategy.Wait
                        .forLogMessage(".*database system is ready to accept connections.*\\s", 2));
        @Container
        static final GenericContainer<?> TOOL = new GenericContainer<>(DockerImageName.parse("busybox:1.36"))
                .withCommand("sleep", "300");

        @Test
        void allFourUp() {
            check(WEB.isRunning() && CACHE.isRunning() && DB.isRunning() && TOOL.isRunning());
        }
    }

    /** The same with @Testcontainers(parallel = true), its opt-in for starting the fields side by side. */
    @Testcontainers(parallel = true)
    static class WithTestcontainersParallel {
        @Container
        static final GenericContainer<?> WEB = new GenericContainer<>(DockerImageName.parse("nginx:1.22"))
                .withExposedPorts(80)
                .waitingFor(org.testcontainers.containers.wait.strategy.Wait.forHttp("/").forStatusCode(200));
        @Container
        static final GenericContainer<?> CACHE = new GenericContainer<>(DockerImageName.parse("redis:7"))
                .withExposedPorts(6379)
                .waitingFor(org.testcontainers.containers.wait.strategy.Wait
                        .forLogMessage(".*Ready to accept connections.*\\n", 1));
        @Container
        static final GenericContainer<?> DB = new GenericContainer<>(DockerImageName.parse("postgres:15"))
                .withEnv("POSTGRES_PASSWORD", "bench").withExposedPorts(5432)
                .waitingFor(org.testcontainers.containers.wait.strategy.Wait
                        .forLogMessage(".*database system is ready to accept connections.*\\s", 2));
        @Container
        static final GenericContainer<?> TOOL = new GenericContainer<>(DockerImageName.parse("busybox:1.36"))
                .withCommand("sleep", "300");

        @Test
        void allFourUp() {
            check(WEB.isRunning() && CACHE.isRunning() && DB.isRunning() && TOOL.isRunning());
        }
    }

    private static void check(boolean up) {
        if (!up) {
            throw new AssertionError("not all containers were up");
        }
    }
}
