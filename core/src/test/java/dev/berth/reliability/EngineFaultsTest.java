package dev.berth.reliability;

import dev.berth.BerthLabels;
import dev.berth.BuildContext;
import dev.berth.Container;
import dev.berth.ContainerFilter;
import dev.berth.ContainerSpec;
import dev.berth.Docker;
import dev.berth.DockerException;
import dev.berth.DockerSettings;
import dev.berth.Dockerfile;
import dev.berth.EngineConnectionLostException;
import dev.berth.EngineTimeoutException;
import dev.berth.LogFollow;
import dev.berth.LogOptions;
import dev.berth.Wait;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Engine faults through {@link EngineRelay}: an engine restart (every connection cut), a stalled engine, a cut or
 * corrupted stream. Each case checks the typed error and its fix, that it comes within a bound (a guard against
 * hangs, generous for a loaded CI host: the request timeout here is 4 s, bounds are 20 s), that nothing is left on the
 * engine, and that no thread or descriptor is left behind.
 */
@org.junit.jupiter.api.extension.ExtendWith(dev.berth.core.VolumeLeakWatch.class)
class EngineFaultsTest {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(4);
    static final Duration BOUND = Duration.ofSeconds(20);
    static Docker direct;
    /**
     * Held exclusively: a request timeout of seconds only tells a stalled relay from a slow engine when nothing else
     * loads the engine (with the other test JVM building and copying beside it, a plain start took over 2 s).
     */
    static dev.berth.core.internal.engine.HostEngineLock.Held engineAlone;

    @TempDir
    Path dir;
    EngineRelay relay;
    Docker docker;
    Leaks leaks;

    @BeforeAll
    static void connectDirectly() {
        engineAlone = dev.berth.core.internal.engine.HostEngineLock.forCurrentEngine().exclusive(Duration.ofMinutes(15));
        direct = Docker.connect();
    }

    @AfterAll
    static void disconnect() {
        try {
            direct.close();
        } finally {
            engineAlone.close();
        }
    }

    @BeforeEach
    void relayed() throws Exception {
        leaks = Leaks.snapshot();
        relay = EngineRelay.start(dir);
        docker = Docker.connect(DockerSettings.defaults().host(relay.host()).requestTimeout(REQUEST_TIMEOUT));
    }

    @AfterEach
    void nothingLeft() throws Exception {
        String session = docker.sessionId();
        relay.stall(false);
        relay.corrupt(false);
        docker.close();
        relay.close();
        var left = direct.containers().list(ContainerFilter.all().label(BerthLabels.SESSION, session));
        left.forEach(c -> direct.containers().get(c.id()).close());
        assertEquals(List.of(), left, "containers left on the engine");
        leaks.assertNoneLeaked();
    }

    private static ContainerSpec shell(String script) {
        return ContainerSpec.of("busybox:1.36").command("sh", "-c", script);
    }

    /** Defect: after an engine restart every call failed "Broken pipe" until the pool drained. */
    @Test
    void callsWorkRightAfterAnEngineRestart() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<?>> warm = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                warm.add(pool.submit(() -> docker.containers().list())); // several pooled connections
            }
            for (var f : warm) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        relay.cutAll(); // what a restart does to every pooled connection
        assertTimeoutPreemptively(BOUND, () -> {
            // first call after the restart: a POST with a body, never repeated, so it must not meet a dead connection
            try (Container c = docker.containers().run(shell("sleep 30"))) {
                relay.cutAll();
                c.stop(Duration.ofSeconds(1)); // stop: a POST that is safe to repeat
                assertTrue(!c.inspect().running());
            }
            relay.cutAll();
            docker.containers().list();
            docker.images().list();
        });
    }

    /** Defect: a log wait whose stream broke never reopened it and reported a timeout although the line came. */
    @Test
    void aLogWaitReopensItsStreamAfterAShortOutage() throws Exception {
        CompletableFuture<Container> run = CompletableFuture.supplyAsync(() -> docker.containers().run(
                shell("echo starting; sleep 3; echo ready; sleep 30").waitFor(Wait.log("^ready$").timeout(
                        Duration.ofSeconds(30)))));
        awaitRunning(docker.sessionId());
        Thread.sleep(500);
        relay.cutAll();
        try (Container c = assertTimeoutPreemptively(BOUND, () -> run.get())) {
            assertTrue(c.inspect().running());
        }
    }

    /** Defect: Wait.exited() likewise missed the exit after an outage. */
    @Test
    void anExitWaitReopensItsLongPollAfterAShortOutage() throws Exception {
        CompletableFuture<Container> run = CompletableFuture.supplyAsync(() -> docker.containers().run(
                shell("sleep 3; exit 3").waitFor(Wait.exited().timeout(Duration.ofSeconds(30)))));
        awaitRunning(docker.sessionId());
        Thread.sleep(500);
        relay.cutAll();
        try (Container c = assertTimeoutPreemptively(BOUND, () -> run.get())) {
            assertEquals(3, c.inspect().exitCode());
        }
    }

    /** Defect: logs().all(), stop(Duration) and copyOut hung forever on a stalled engine. */
    @Test
    void aStalledEngineFailsEveryCallAtItsDeadline() {
        try (Container c = docker.containers().run(shell("echo hello; sleep 60"))) {
            c.logs().all();
            relay.stall(true);
            for (Runnable call : List.<Runnable>of(() -> c.logs().all(), () -> c.stop(Duration.ofSeconds(1)),
                    () -> c.copyOut("/etc/passwd", OutputStream.nullOutputStream()), () -> c.inspect())) {
                var e = assertTimeoutPreemptively(BOUND, () -> assertThrows(EngineTimeoutException.class, call::run));
                assertTrue(e.getMessage().contains("requestTimeout"), e.getMessage());
            }
            relay.stall(false);
        }
    }

    /** Poor: a broken follow threw a raw shaded ConnectionClosedException. */
    @Test
    void aBrokenFollowEndsWithATypedError() {
        try (Container c = docker.containers().run(shell("while true; do echo tick; sleep 0.1; done"))) {
            AtomicInteger lines = new AtomicInteger();
            LogFollow follow = c.logs().follow(LogOptions.all(), line -> lines.incrementAndGet());
            awaitAtLeast(lines, 3);
            relay.cutAll();
            var e = assertTimeoutPreemptively(BOUND, () -> assertThrows(EngineConnectionLostException.class,
                    () -> follow.awaitEnd(Duration.ofSeconds(10))));
            assertTrue(e.getMessage().contains("docker version"), e.getMessage());
            follow.close();
        }
    }

    /** Poor: a build cut mid-stream reported "NumberFormatException … radix 16". */
    @Test
    void aBuildCutMidStreamFailsWithATypedError() throws Exception {
        CompletableFuture<Void> cut = CompletableFuture.runAsync(() -> {
            awaitConnections(2);
            sleep(1500);
            relay.cutAll();
        });
        var e = assertTimeoutPreemptively(BOUND, () -> assertThrows(DockerException.class,
                () -> docker.images().build(Dockerfile.from("busybox:1.36").run(
                        "for i in $(seq 1 100); do echo step $i; sleep 0.1; done"), BuildContext.empty())));
        cut.get(10, TimeUnit.SECONDS);
        assertTrue(!(e.getCause() instanceof NumberFormatException) && !e.getMessage().contains("radix"),
                e.toString());
        assertTrue(e instanceof EngineConnectionLostException || e.getMessage().contains("lost")
                || e.getMessage().contains("cut"), e.toString());
    }

    /** A corrupted answer is a typed error naming the connection, and the next call works again. */
    @Test
    void aCorruptedAnswerIsTypedAndTheNextCallWorks() {
        docker.containers().list();
        relay.corrupt(true);
        var e = assertTimeoutPreemptively(BOUND, () -> assertThrows(EngineConnectionLostException.class,
                () -> docker.containers().list()));
        assertTrue(e.getMessage().contains("docker version"), e.getMessage());
        relay.corrupt(false);
        docker.containers().list();
    }

    /** An exec whose output stream is cut says so instead of returning partial output as a result. */
    @Test
    void anExecCutMidOutputIsTypedNotPartial() {
        try (Container c = docker.containers().run(shell("sleep 60"))) {
            CompletableFuture.runAsync(() -> {
                sleep(1000);
                relay.cutAll();
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertTimeoutPreemptively(BOUND, () -> assertThrows(EngineConnectionLostException.class,
                    () -> c.exec(dev.berth.ExecSpec.of("sh", "-c", "for i in $(seq 1 50); do echo $i; sleep 0.1; done"),
                            out, OutputStream.nullOutputStream())));
        }
    }

    private void awaitRunning(String session) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (direct.containers().list(ContainerFilter.running().label(BerthLabels.SESSION, session)).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the container never started");
            }
            sleep(50);
        }
    }

    private void awaitConnections(int n) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (relay.acceptedConnections() < n && System.nanoTime() < deadline) {
            sleep(20);
        }
    }

    private static void awaitAtLeast(AtomicInteger counter, int n) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (counter.get() < n && System.nanoTime() < deadline) {
            sleep(20);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
