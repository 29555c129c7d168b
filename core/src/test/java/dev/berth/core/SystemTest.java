package dev.berth.core;

import dev.berth.Container;
import dev.berth.ContainerFilter;
import dev.berth.ContainerSpec;
import dev.berth.EngineEvent;
import dev.berth.EventFilter;
import dev.berth.EventStream;
import dev.berth.Prune;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SystemTest extends EngineTest {
    @Test
    void diskUsageCountsWhatIsThere() {
        try (Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX).command("sleep", "300"))) {
            var df = docker.system().diskUsage();
            assertTrue(df.containers().total() >= 1, df.toString());
            assertTrue(df.containers().active() >= 1, df.toString());
            assertTrue(df.images().total() >= 1 && df.images().sizeBytes() > 0, df.toString());
            assertTrue(df.toString().contains("Images"), df.toString());
        }
    }

    @Test
    void eventsForALabelledContainerAreTyped() throws Exception {
        String tag = UUID.randomUUID().toString();
        List<EngineEvent> seen = new CopyOnWriteArrayList<>();
        try (EventStream events = docker.system().events(EventFilter.all().type("container").label("berth.test", tag),
                seen::add)) {
            Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX).command("sleep", "300")
                    .label("berth.test", tag));
            String id = c.id();
            c.close();
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (seen.stream().noneMatch(e -> e.action().equals("destroy")) && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            List<String> actions = seen.stream().map(EngineEvent::action).toList();
            assertTrue(actions.containsAll(List.of("create", "start", "kill", "die", "destroy")), actions.toString());
            assertTrue(seen.stream().allMatch(e -> e.type().equals("container") && e.actorId().equals(id)),
                    seen.toString());
            assertTrue(seen.get(0).actorName() != null && seen.get(0).time() != null);
        }
    }

    @Test
    void eventsFilteredByContainer() throws Exception {
        String name = "berth-events-" + UUID.randomUUID().toString().substring(0, 8);
        List<EngineEvent> seen = new CopyOnWriteArrayList<>();
        try (EventStream events = docker.system().events(EventFilter.all().container(name), seen::add)) {
            docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX).command("true")).close();
            Container mine = docker.containers().create(ContainerSpec.of(TestImages.BUSYBOX).name(name));
            mine.close();
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (seen.stream().noneMatch(e -> e.action().equals("destroy")) && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertEquals(List.of("create", "destroy"), seen.stream().map(EngineEvent::action).toList());
            assertTrue(seen.stream().allMatch(e -> name.equals(e.actorName())), seen.toString());
        }
    }

    @Test
    void systemInfoAndVersionMatchTheConnection() {
        assertEquals(docker.version(), docker.system().version());
        assertEquals(docker.info().name(), docker.system().info().name());
    }

    @Test
    void scopedPruneLeavesWhatBerthDidNotCreate() throws Exception {
        String tag = UUID.randomUUID().toString();
        Container berths = docker.containers().create(ContainerSpec.of(TestImages.BUSYBOX).label("berth.test", tag));
        String foreign = cli("create", "--label", "berth.test=" + tag, TestImages.BUSYBOX);
        try {
            var report = docker.system().prune(Prune.everything().onlyBerth().withLabel("berth.test", tag));
            assertEquals(List.of(berths.id()), report.containers());
            assertEquals(List.of(foreign), docker.containers().list(ContainerFilter.all().label("berth.test", tag))
                    .stream().map(s -> s.id()).toList());

            var everything = docker.system().prune(Prune.everything().withLabel("berth.test", tag));
            assertEquals(List.of(foreign), everything.containers());
        } finally {
            berths.close();
            cli("rm", "-f", foreign);
        }
    }

    @Test
    void everythingPrunesEachKindItCovers() throws Exception {
        String tag = UUID.randomUUID().toString();
        String image = buildDanglingImage(tag);
        var volume = docker.volumes().create(dev.berth.VolumeSpec.named("berth-prune-" + tag.substring(0, 8))
                .label("berth.test", tag));
        var network = docker.networks().create(dev.berth.NetworkSpec.named("berth-prune-" + tag.substring(0, 8))
                .label("berth.test", tag));
        var stopped = docker.containers().create(ContainerSpec.of(TestImages.BUSYBOX).label("berth.test", tag));
        try {
            var report = docker.system().prune(Prune.everything().withLabel("berth.test", tag));
            assertEquals(List.of(stopped.id()), report.containers());
            assertEquals(List.of(volume.name()), report.volumes());
            assertEquals(List.of(network.name()), report.networks());
            assertTrue(report.images().contains(image), report.images() + " should contain " + image);
            assertTrue(report.toString().startsWith("removed 1 containers"), report.toString());
        } finally {
            stopped.close();
            volume.close();
            network.close();
            new ProcessBuilder("docker", "image", "rm", "-f", image).start().waitFor();
        }
    }

    /** The build cache step runs only unscoped (the cache has no labels); here alone, touching nothing else. */
    @Test
    void buildCachePruneRunsAndReportsWithoutTouchingAnythingElse() {
        try (Container kept = docker.containers().create(ContainerSpec.of(TestImages.BUSYBOX))) {
            var report = docker.system().prune(new Prune(false, false, false, false, false, true, java.util.Map.of()));
            assertEquals(List.of(), report.containers());
            assertTrue(report.spaceReclaimedBytes() >= 0);
            assertTrue(docker.containers().find(kept.id()).isPresent());
        }
    }

    @Test
    void statsAreSampled() {
        try (Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX).command("sleep", "300")
                .memory("64m"))) {
            var stats = c.stats();
            assertTrue(stats.memoryUsageBytes() > 0, stats.toString());
            assertEquals(64L << 20, stats.memoryLimitBytes(), stats.toString());
            assertTrue(stats.pids() >= 1, stats.toString());
            assertTrue(stats.toString().contains("CPU"), stats.toString());
        }
    }

    @Test
    void interactiveTtyResizeAndDetach() throws Exception {
        try (Container shell = docker.containers().create(ContainerSpec.of(TestImages.BUSYBOX).command("sh")
                .interactive())) {
            var in = new java.io.PipedOutputStream();
            var stdin = new java.io.PipedInputStream(in);
            var out = new SyncBuffer();
            var session = shell.attachAsync(stdin, out);
            session.resize(123, 45);
            in.write("stty size\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                while (!out.text().contains("45 123")) {
                    Thread.sleep(20);
                }
            });
            session.detach();
            assertTrue(shell.inspect().running(), "detach leaves the container running");
            in.close();
        }
    }

    @Test
    void attachWithoutTtyKeepsOutputAndEndsWithTheProcess() {
        try (Container c = docker.containers().create(ContainerSpec.of(TestImages.BUSYBOX)
                .command("sh", "-c", "cat; echo bye >&2; exit 4").stdinOpen())) {
            var out = new ByteArrayOutputStream();
            int exit = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> c.attach(
                    new ByteArrayInputStream("piped\n".getBytes(StandardCharsets.UTF_8)), out));
            assertEquals(4, exit);
            // stdout and stderr travel separately inside the engine: their relative order is not guaranteed
            assertEquals(List.of("bye", "piped"), out.toString(StandardCharsets.UTF_8).lines().sorted().toList());
        }
    }

    private static String buildDanglingImage(String tag) throws Exception {
        Process p = new ProcessBuilder("docker", "build", "-q", "--label", "berth.test=" + tag, "-")
                .redirectErrorStream(true).start();
        p.getOutputStream().write(("FROM " + TestImages.BUSYBOX + "\nRUN echo " + tag + " > /marker\n")
                .getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out.lines().reduce((a, b) -> b).orElseThrow();
    }

    private static String cli(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "docker";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    /** A thread-safe buffer for output written by Berth's reader thread. */
    static final class SyncBuffer extends java.io.OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
