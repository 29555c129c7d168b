package dev.berth.junit;

import dev.berth.ConflictException;
import dev.berth.Container;
import dev.berth.ContainerFilter;
import dev.berth.ContainerSpec;
import dev.berth.ContainerState;
import dev.berth.ContainerSummary;
import dev.berth.Docker;
import dev.berth.Secret;
import dev.berth.Wait;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** Reuse across runs: adopted by spec hash, one start when two JVMs race, removed after its idle TTL. */
class ReuseTest {
    /** Unique per test run (and shared with the child JVM), so parallel copies of this suite never meet. */
    static final String TOKEN = System.getProperty("berth.test.token", UUID.randomUUID().toString().substring(0, 8));
    static final Map<String, String> REUSE_ON = Map.of(Settings.REUSE_ENABLED, "true");
    static final List<String> IDS = new ArrayList<>();

    static ContainerSpec sleeper(String purpose) {
        return ContainerSpec.of(TestSupport.BUSYBOX).command("sleep", "300").label("berth.test.token", TOKEN)
                .label("berth.test.purpose", purpose);
    }

    @AfterAll
    static void removeWhatTheTestsKept() throws java.io.IOException {
        Path stateDir = Settings.of(k -> java.util.Optional.empty(), Map.of()).reuseStateDir();
        try (Docker docker = Docker.connect()) {
            for (ContainerSummary left : docker.containers().list(ContainerFilter.all().label("berth.test.token",
                    TOKEN))) {
                TestSupport.remove(docker, left.id());
            }
            for (ContainerSpec spec : List.of(ReusedSample.DB.spec(), FixedNameV1.KEPT.spec(),
                    ShortTtlSample.BRIEF.spec(), RaceSample.SLOW.spec(), sleeper("threads"))) {
                java.nio.file.Files.deleteIfExists(ReusedContainers.lockFile(docker, stateDir,
                        ReusedContainers.nameFor(spec)));
            }
        }
    }

    @DockerTest
    static class ReusedSample {
        static final ManagedContainer DB = ManagedContainer.of(sleeper("adopt")
                .env("PASSWORD", Secret.of("s3cret-value"))).reuse();
        static boolean reused;

        @Test
        void uses() {
            IDS.add(DB.container().id());
            reused = DB.wasReused();
        }
    }

    @Test
    void aSecondRunAdoptsTheContainerTheFirstLeftAndDockerPsShowsIt() {
        IDS.clear();
        TestSupport.run(REUSE_ON, ReusedSample.class).testEvents().assertStatistics(s -> s.succeeded(1));
        assertFalse(ReusedSample.reused, "the first run starts it");
        TestSupport.run(REUSE_ON, ReusedSample.class).testEvents().assertStatistics(s -> s.succeeded(1));
        assertTrue(ReusedSample.reused, "the second run adopts it");
        assertEquals(IDS.get(0), IDS.get(1));
        try (Docker docker = Docker.connect()) {
            ContainerState state = docker.containers().get(IDS.get(0)).inspect();
            assertTrue(state.running(), "kept running between runs");
            String hash = ReusedSample.DB.spec().fingerprint();
            assertEquals("true", state.labels().get(ReusedContainers.REUSE));
            assertEquals(hash, state.labels().get(ReusedContainers.HASH));
            assertEquals(String.valueOf(Duration.ofMinutes(30).toSeconds()), state.labels().get(ReusedContainers.TTL));
            assertEquals("berth-reuse-" + hash.substring(0, 16), state.name());
            assertFalse(state.labels().values().stream().anyMatch(v -> v.contains("s3cret")), "no secret in labels");
            assertEquals(1, docker.containers().list(ContainerFilter.all().label(ReusedContainers.HASH, hash))
                    .size(), "what docker ps -f label=" + ReusedContainers.HASH + "=… shows");
        }

        // reuse off (as on CI): a container of its own, removed after; the kept one is left alone
        TestSupport.run(Map.of(Settings.REUSE_ENABLED, "false"), ReusedSample.class).testEvents()
                .assertStatistics(s -> s.succeeded(1));
        assertNotEquals(IDS.get(0), IDS.get(2));
        TestSupport.assertGone(List.of(IDS.get(2)));
        try (Docker docker = Docker.connect()) {
            assertTrue(docker.containers().get(IDS.get(0)).inspect().running());

            // a kept container that stopped is replaced, not adopted
            docker.containers().get(IDS.get(0)).kill();
            TestSupport.run(REUSE_ON, ReusedSample.class).testEvents().assertStatistics(s -> s.succeeded(1));
            assertFalse(ReusedSample.reused);
            assertNotEquals(IDS.get(0), IDS.get(3));
            assertTrue(docker.containers().find(IDS.get(0)).isEmpty(), "the dead one was removed");
            TestSupport.remove(docker, IDS.get(3));
        }
    }

    static final String FIXED = "berth-reuse-fixed-" + TOKEN;

    @DockerTest
    static class FixedNameV1 {
        static final ManagedContainer KEPT = ManagedContainer.of(sleeper("fixed").name(FIXED).env("V", "1")).reuse();

        @Test
        void uses() {
        }
    }

    @DockerTest
    static class FixedNameV2 {
        static final ManagedContainer KEPT = ManagedContainer.of(sleeper("fixed").name(FIXED).env("V", "2")).reuse();

        @Test
        void uses() {
        }
    }

    @Test
    void aKeptContainerWithTheSameNameButAnotherSpecIsNotAdopted() {
        TestSupport.run(REUSE_ON, FixedNameV1.class).testEvents().assertStatistics(s -> s.succeeded(1));
        var results = TestSupport.run(REUSE_ON, FixedNameV2.class);
        results.containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(
                instanceOf(ConflictException.class), message(m -> m.contains("docker rm -f " + FIXED))));
        try (Docker docker = Docker.connect()) {
            assertEquals(FixedNameV1.KEPT.spec().fingerprint(), docker.containers().get(FIXED).inspect().labels()
                    .get(ReusedContainers.HASH), "the kept one is untouched");
            TestSupport.remove(docker, FIXED);
        }
    }

    @DockerTest
    static class ShortTtlSample {
        static final ManagedContainer BRIEF = ManagedContainer.of(sleeper("ttl")).reuse(Duration.ofSeconds(1));

        @Test
        void uses() {
            IDS.add(BRIEF.container().id());
        }
    }

    @Test
    void anIdleKeptContainerIsRemovedAfterItsTtlButNotWhileInUse() throws Exception {
        IDS.clear();
        TestSupport.run(REUSE_ON, ShortTtlSample.class).testEvents().assertStatistics(s -> s.succeeded(1));
        String id = IDS.get(0);
        Path stateDir = Settings.of(k -> java.util.Optional.empty(), Map.of()).reuseStateDir();
        try (Docker docker = Docker.connect()) {
            String name = docker.containers().get(id).name();
            ReusedContainers.UseLock inUse = ReusedContainers.UseLock.acquire(
                    ReusedContainers.lockFile(docker, stateDir, name));
            try {
                Thread.sleep(1500); // past the TTL, but in use (as by another JVM on this machine)
                ReusedContainers.removeExpired(docker, stateDir);
                assertTrue(docker.containers().find(id).isPresent(), "in use: kept past its TTL");
            } finally {
                inUse.release(); // records the last use now
            }
            ReusedContainers.removeExpired(docker, stateDir);
            assertTrue(docker.containers().find(id).isPresent(), "idle for less than its TTL: kept");
            Thread.sleep(1500);
            ReusedContainers.removeExpired(docker, stateDir);
            assertTrue(docker.containers().find(id).isEmpty(), "idle past its TTL: removed");
        }
    }

    @Test
    void racersInOneJvmWithTheirOwnConnectionsStartOneContainer() throws Exception {
        ContainerSpec spec = sleeper("threads");
        Path stateDir = Settings.of(k -> java.util.Optional.empty(), Map.of()).reuseStateDir();
        int racers = 4;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(racers);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
        try {
            List<java.util.concurrent.Future<String>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    try (Docker docker = Docker.connect()) {
                        docker.ping();
                        start.await(); // all look for the container at once: all find none, all try to create it
                        try (ReusedContainers.Adoption adoption = ReusedContainers.adoptOrStart(docker, spec,
                                Duration.ofMinutes(5), stateDir)) {
                            return adoption.container().id() + (adoption.adopted() ? " adopted" : " started");
                        }
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (var result : results) {
                outcomes.add(result.get(2, TimeUnit.MINUTES));
            }
            assertEquals(1, outcomes.stream().map(o -> o.split(" ")[0]).distinct().count(), "one container: " + outcomes);
            assertEquals(1, outcomes.stream().filter(o -> o.endsWith("started")).count(), "one start: " + outcomes);
        } finally {
            pool.shutdownNow();
            try (Docker docker = Docker.connect()) {
                TestSupport.remove(docker, ReusedContainers.nameFor(spec));
            }
        }
    }

    /** The class both JVMs run at once: its container takes a while to get ready, so the two starts overlap. */
    @DockerTest
    static class RaceSample {
        static final ManagedContainer SLOW = ManagedContainer.of(ContainerSpec.of(TestSupport.BUSYBOX)
                .command("sh", "-c", "sleep 2; echo ready; exec sleep 300").label("berth.test.token", TOKEN)
                .waitFor(Wait.log("ready"))).reuse();
        static volatile String seenId;
        static volatile boolean seenReused;

        @Test
        void uses() {
            seenId = SLOW.container().id();
            seenReused = SLOW.wasReused();
            assertTrue(SLOW.logs().all().text().contains("ready"), "adopted only once ready");
        }
    }

    static EngineExecutionResults runRace() {
        return TestSupport.run(REUSE_ON, RaceSample.class);
    }

    @Test
    void twoJvmsRacingForOneKeptContainerStartItOnce() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", classpath, "-Dberth.test.token=" + TOKEN,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.dev.berth.junit=info", ReuseChild.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8)); Writer in = new OutputStreamWriter(child.getOutputStream(),
                StandardCharsets.UTF_8)) {
            assertEquals("ready", out.readLine());
            in.write("go\n");
            in.flush();
            EngineExecutionResults mine = runRace(); // at the same time as the child
            mine.testEvents().assertStatistics(s -> s.succeeded(1));
            StringBuilder all = new StringBuilder();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                all.append(line).append('\n');
            }
            output = all.toString();
        } finally {
            assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the child JVM ended");
        }
        assertEquals(0, child.exitValue(), output);
        Matcher result = Pattern.compile("RESULT id=(\\S+) reused=(\\S+) failed=0").matcher(output);
        assertTrue(result.find(), output);
        assertEquals(RaceSample.seenId, result.group(1), "both JVMs use one container");
        assertNotEquals(RaceSample.seenReused, Boolean.parseBoolean(result.group(2)),
                "exactly one of the two JVMs started it, the other adopted it");
        try (Docker docker = Docker.connect()) {
            List<ContainerSummary> made = docker.containers().list(ContainerFilter.all()
                    .label(ReusedContainers.HASH, RaceSample.SLOW.spec().fingerprint()));
            assertEquals(1, made.size(), "one container: " + made);
            TestSupport.remove(docker, made.get(0).id());
        }
    }
}
