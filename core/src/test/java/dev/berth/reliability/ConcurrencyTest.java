package dev.berth.reliability;

import dev.berth.BerthLabels;
import dev.berth.Container;
import dev.berth.ContainerFilter;
import dev.berth.ContainerSpec;
import dev.berth.Docker;
import dev.berth.DockerClosedException;
import dev.berth.DockerException;
import dev.berth.ExecSpec;
import dev.berth.LogFollow;
import dev.berth.LogOptions;
import dev.berth.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concurrency: many threads at once, run racing close, interrupts, close with calls in flight. Each case checks the
 * typed error and its fix, a bound (hang guard: 60 s for 50 runs, 20 s otherwise), that nothing is left on the
 * engine (through a second, direct connection) and that no thread or descriptor leaked.
 */
@org.junit.jupiter.api.extension.ExtendWith(dev.berth.core.VolumeLeakWatch.class)
class ConcurrencyTest {
    static final Duration BOUND = Duration.ofSeconds(20);
    static Docker direct;
    Leaks leaks;

    @BeforeAll
    static void connectDirectly() {
        direct = Docker.connect();
    }

    @AfterAll
    static void disconnect() {
        direct.close();
    }

    @BeforeEach
    void snapshot() {
        leaks = Leaks.snapshot();
    }

    private static ContainerSpec shell(String script) {
        return ContainerSpec.of("busybox:1.36").command("sh", "-c", script);
    }

    private static void assertNothingLeft(String session, Set<String> handedOver) {
        var left = direct.containers().list(ContainerFilter.all().label(BerthLabels.SESSION, session)).stream()
                .filter(c -> !handedOver.contains(c.id())).toList();
        left.forEach(c -> direct.containers().get(c.id()).close());
        assertEquals(List.of(), left, "containers left on the engine");
        handedOver.forEach(id -> direct.containers().find(id).ifPresent(Container::close));
    }

    @Test
    void fiftyThreadsRunAndClose() throws Exception {
        String session;
        try (Docker docker = Docker.connect()) {
            session = docker.sessionId();
            ExecutorService pool = Executors.newFixedThreadPool(50);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    runs.add(pool.submit(() -> {
                        try (Container c = docker.containers().run(shell("sleep 30"))) {
                            assertTrue(c.inspect().running());
                        }
                    }));
                }
                assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
                    for (Future<?> run : runs) {
                        run.get();
                    }
                });
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
            }
        }
        assertNothingLeft(session, Set.of());
        leaks.assertNoneLeaked();
    }

    /** Every run racing close either hands its container over or fails typed, leaving nothing behind. */
    @Test
    void runRacingClose() throws Exception {
        Docker docker = Docker.connect();
        String session = docker.sessionId();
        Set<String> handedOver = ConcurrentHashMap.newKeySet();
        List<Throwable> failures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            runs.add(pool.submit(() -> {
                while (true) {
                    Container c = docker.containers().run(shell("sleep 30"));
                    handedOver.add(c.id());
                }
            }));
        }
        Thread.sleep(1500);
        docker.close();
        assertTimeoutPreemptively(BOUND, () -> {
            for (Future<?> run : runs) {
                try {
                    run.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
        });
        pool.shutdownNow();
        assertEquals(8, failures.size());
        for (Throwable failure : failures) {
            assertInstanceOf(DockerClosedException.class, failure, () -> "untyped: " + failure);
            assertTrue(failure.getMessage().contains("Docker.connect()"), failure.getMessage());
        }
        assertNothingLeft(session, handedOver);
        leaks.assertNoneLeaked();
    }

    /** Defect: interrupting a thread in run()'s wait left the container running in 2 of 5 tries. */
    @Test
    void interruptingRunsWaitAlwaysRemovesTheContainer() throws Exception {
        try (Docker docker = Docker.connect()) {
            for (int attempt = 0; attempt < 5; attempt++) {
                AtomicReference<Throwable> failure = new AtomicReference<>();
                Thread runner = new Thread(() -> {
                    try {
                        docker.containers().run(shell("sleep 60").waitFor(Wait.log("never printed")
                                .timeout(Duration.ofSeconds(60))));
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                });
                runner.start();
                awaitRunning(docker.sessionId());
                Thread.sleep(50L * attempt); // interrupt at different moments of the wait
                runner.interrupt();
                runner.join(BOUND.toMillis());
                assertTrue(!runner.isAlive(), "run() did not end after the interrupt");
                assertInstanceOf(DockerException.class, failure.get());
                assertTrue(failure.get().getMessage().contains("nterrupted"), failure.get().getMessage());
                assertEquals(List.of(), direct.containers().list(ContainerFilter.all()
                        .label(BerthLabels.SESSION, docker.sessionId())), "attempt " + attempt);
            }
        }
        leaks.assertNoneLeaked();
    }

    /** Defect: close() with a wait in flight left the wait blocked. */
    @Test
    void closeEndsAWaitInFlightWithATypedError() throws Exception {
        Docker docker = Docker.connect();
        String session = docker.sessionId();
        CompletableFuture<Container> run = CompletableFuture.supplyAsync(() -> docker.containers().run(
                shell("sleep 60").waitFor(Wait.log("never printed").timeout(Duration.ofSeconds(60)))));
        awaitRunning(session);
        docker.close();
        var e = assertTimeoutPreemptively(BOUND, () -> assertThrows(java.util.concurrent.ExecutionException.class,
                run::get));
        assertInstanceOf(DockerClosedException.class, e.getCause(), e.getCause()::toString);
        assertNothingLeft(session, Set.of());
        leaks.assertNoneLeaked();
    }

    /** Defect: a follow ended with a raw AsynchronousCloseException when its Docker was closed. */
    @Test
    void closeEndsAFollowInFlightWithATypedError() throws Exception {
        Docker docker = Docker.connect();
        String session = docker.sessionId();
        Container c = docker.containers().run(shell("while true; do echo tick; sleep 0.1; done"));
        try {
            LogFollow follow = c.logs().follow(LogOptions.all(), line -> { });
            Thread.sleep(300);
            docker.close();
            var e = assertTimeoutPreemptively(BOUND, () -> assertThrows(DockerClosedException.class,
                    () -> follow.awaitEnd(Duration.ofSeconds(10))));
            assertTrue(e.getMessage().contains("Docker.connect()"), e.getMessage());
        } finally {
            direct.containers().get(c.id()).close();
        }
        assertNothingLeft(session, Set.of());
        leaks.assertNoneLeaked();
    }

    /** Poor: calls on a closed Docker surfaced RejectedExecutionException. */
    @Test
    void everyCallOnAClosedDockerIsTyped() {
        Docker docker = Docker.connect();
        Container c = docker.containers().run(shell("sleep 60"));
        try {
            docker.close();
            List<Runnable> calls = List.of(() -> docker.containers().list(), () -> docker.ping(),
                    () -> docker.containers().run(shell("true")), () -> c.exec(ExecSpec.of("true").stdin("x")),
                    () -> c.exec("true"), () -> c.logs().follow(LogOptions.all(), line -> { }),
                    () -> c.waitFor(Wait.exited()), () -> c.logs().all(), () -> c.stop());
            for (Runnable call : calls) {
                var e = assertThrows(DockerClosedException.class, call::run);
                assertNotNull(e.getMessage());
                assertTrue(e.getMessage().contains("Docker.connect()"), e.getMessage());
            }
        } finally {
            direct.containers().get(c.id()).close();
        }
        leaks.assertNoneLeaked();
    }

    private static void awaitRunning(String session) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (direct.containers().list(ContainerFilter.running().label(BerthLabels.SESSION, session)).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the container never started");
            }
            EngineFaultsTest.sleep(50);
        }
    }
}
