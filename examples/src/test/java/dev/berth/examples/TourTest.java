package dev.berth.examples;

import dev.berth.BerthLabels;
import dev.berth.ContainerFilter;
import dev.berth.Docker;
import dev.berth.EngineEvent;
import dev.berth.EventFilter;
import dev.berth.EventStream;
import dev.berth.Filter;
import dev.berth.VolumeSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tour is the main job: every seed section in order, safe on a machine in use. Two tours run at the same time
 * on one engine (one asking for the seed's names, one with unique names), while a volume named {@code data1} that
 * the tour did not make holds a file: both finish, each leaves nothing behind, and the file is still there.
 */
class TourTest {
    private static final List<String> SECTIONS = List.of("§3 ", "§4 ", "§5 ", "§6 ", "§7 ", "§8 ", "§9 ", "§10 ",
            "§11 ");
    private static final Pattern BUILT_TAG = Pattern.compile("\\$ docker build --no-cache -t (\\S+) ");

    @Test
    void twoToursAtOnceEachRunEverySectionAndLeaveTheUsersData1Alone() throws Exception {
        String marker = UUID.randomUUID().toString();
        boolean ownData1 = createData1WithFile(marker);
        try {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Result> withSeedNames = pool.submit(() -> tour(true));
                Future<Result> withUniqueNames = pool.submit(() -> tour(false));
                for (Result result : List.of(withSeedNames.get(15, TimeUnit.MINUTES),
                        withUniqueNames.get(15, TimeUnit.MINUTES))) {
                    checkEverySectionRan(result.output);
                    checkNothingLeft(result);
                    if (ownData1) {
                        assertTrue(result.output.contains("(volume data1 already exists and is not the tour's: it is"
                                + " left alone; the tour uses data1-"), result.output);
                        assertTrue(result.output.contains("the new container reads: kept in data1-"), result.output);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            if (ownData1) {
                assertEquals(marker, cli("run", "--rm", "-v", "data1:/data", SeedImages.BUSYBOX, "cat", "/data/keep.txt"));
            } else {
                assertEquals("data1", cli("volume", "inspect", "--format", "{{.Name}}", "data1"),
                        "someone else's data1 is still there");
            }
        } finally {
            if (ownData1) {
                run("volume", "rm", "data1"); // quietly: a failure here must not hide the test's own
            }
        }
    }

    private record Result(String output, String sessionId, List<String> leftContainers, List<String> leftVolumes,
            List<String> leftNetworks, List<String> leftImages, List<String> leftUsedVolumes) {
    }

    private static Result tour(boolean seedNames) {
        var text = new ByteArrayOutputStream();
        try (Docker docker = Docker.connect(); var used = new UsedVolumes(docker)) {
            new Tour(docker, new PrintStream(text, true, StandardCharsets.UTF_8), seedNames).run();
            String output = text.toString(StandardCharsets.UTF_8);
            String session = docker.sessionId();
            List<String> images = new ArrayList<>();
            Matcher tag = BUILT_TAG.matcher(output);
            while (tag.find()) {
                docker.images().find(tag.group(1)).ifPresent(i -> images.add(i.reference()));
            }
            return new Result(output, session,
                    docker.containers().list(ContainerFilter.all().label(BerthLabels.SESSION, session)).stream()
                            .map(c -> c.name()).toList(),
                    docker.volumes().list(Filter.none().label(BerthLabels.SESSION, session)).stream()
                            .map(v -> v.name()).toList(),
                    docker.networks().list(Filter.none().label(BerthLabels.SESSION, session)).stream()
                            .map(n -> n.name()).toList(),
                    images, used.stillThere());
        } catch (RuntimeException e) {
            throw new AssertionError("The tour failed. Its output:\n" + text.toString(StandardCharsets.UTF_8), e);
        }
    }

    private static void checkEverySectionRan(String output) {
        int at = -1;
        for (String section : SECTIONS) {
            int next = output.indexOf("== " + section);
            assertTrue(next > at, section + "missing or out of order:\n" + output);
            at = next;
        }
        for (String expected : List.of("$ docker pull nginx", "hi from bash", "bash exited with 3",
                "<h1>Welcome to nginx!</h1>", "nginx version", "removed 1 containers", "Hello, World!",
                "the new container reads: kept in data1", "; port 5432 reachable", "cache says PONG",
                "runs as user app", "uid 10001; /app holds:", "134217728 / 50000", "Read-only file system",
                "Tour finished")) {
            assertTrue(output.contains(expected), "no '" + expected + "' in:\n" + output);
        }
        String appFiles = output.lines().filter(l -> l.contains("/app holds:")).findFirst().orElseThrow();
        assertTrue(appFiles.contains("app.py") && !appFiles.contains(".env ") && !appFiles.contains(".git "),
                ".dockerignore kept .env and .git out: " + appFiles);
    }

    private static void checkNothingLeft(Result result) {
        assertEquals(List.of(), result.leftContainers, "containers left by the tour");
        assertEquals(List.of(), result.leftVolumes, "volumes left by the tour");
        assertEquals(List.of(), result.leftNetworks, "networks left by the tour");
        assertEquals(List.of(), result.leftImages, "images left by the tour");
        assertEquals(List.of(), result.leftUsedVolumes, "volumes the tour's containers used (anonymous ones from an"
                + " image's VOLUME carry no label)");
    }

    /**
     * The volumes made while the tour ran that its session's containers mounted: an image's {@code VOLUME} gets an
     * anonymous volume without labels, which the label checks above cannot see.
     */
    private static final class UsedVolumes implements AutoCloseable {
        private final Docker docker;
        private final Set<String> created = ConcurrentHashMap.newKeySet();
        private final Set<String> sessionContainers = ConcurrentHashMap.newKeySet();
        private final Map<String, String> mountedBy = new ConcurrentHashMap<>();
        private final Map<String, CountDownLatch> markers = new ConcurrentHashMap<>();
        private final EventStream events;

        UsedVolumes(Docker docker) {
            this.docker = docker;
            this.events = docker.system().events(EventFilter.all().type("container").type("volume"), this::seen);
        }

        private void seen(EngineEvent e) {
            if (e.type().equals("container") && e.action().equals("create")
                    && docker.sessionId().equals(e.attributes().get(BerthLabels.SESSION))) {
                sessionContainers.add(e.actorId());
            } else if (e.type().equals("volume") && e.action().equals("create")) {
                created.add(e.actorId());
            } else if (e.type().equals("volume") && e.action().equals("mount")) {
                mountedBy.putIfAbsent(e.actorId(), e.attributes().getOrDefault("container", ""));
            } else if (e.type().equals("volume") && e.action().equals("destroy") && markers.containsKey(e.actorId())) {
                markers.get(e.actorId()).countDown();
            }
        }

        List<String> stillThere() {
            // events come in order: once this marker's destroy is seen, every earlier event has been too
            String marker = "berth-tourtest-" + UUID.randomUUID().toString().substring(0, 8);
            markers.put(marker, new CountDownLatch(1));
            docker.volumes().create(VolumeSpec.named(marker)).close();
            try {
                assertTrue(markers.get(marker).await(30, TimeUnit.SECONDS), "the engine's events did not come");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return created.stream().filter(v -> sessionContainers.contains(mountedBy.getOrDefault(v, "")))
                    .filter(v -> docker.volumes().find(v).isPresent()).sorted().toList();
        }

        @Override
        public void close() {
            events.close();
        }
    }

    /**
     * Makes a volume data1 with a file in it, with the docker CLI (so it is not Berth's), unless data1 exists: then
     * it belongs to someone else and this test only checks it is still there afterwards.
     */
    private static boolean createData1WithFile(String marker) throws Exception {
        if (run("volume", "inspect", "data1").exitCode == 0) {
            return false;
        }
        cli("volume", "create", "--label", "dev.berth.test.owner=" + marker, "data1");
        // create is idempotent: if another run made data1 in between, its label says so and it is not ours
        if (!marker.equals(cli("volume", "inspect", "--format", "{{index .Labels \"dev.berth.test.owner\"}}",
                "data1"))) {
            return false;
        }
        cli("run", "--rm", "-v", "data1:/data", SeedImages.BUSYBOX, "sh", "-c", "echo " + marker + " > /data/keep.txt");
        return true;
    }

    private record Cli(int exitCode, String output) {
    }

    private static String cli(String... args) throws Exception {
        Cli result = run(args);
        assertEquals(0, result.exitCode, "docker " + String.join(" ", args) + ": " + result.output);
        return result.output;
    }

    private static Cli run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        // the legacy engine warns about IP forwarding on every run; that is not the command's output
        String kept = String.join("\n", out.lines().filter(l -> !l.startsWith("WARNING: IPv4 forwarding")).toList());
        return new Cli(p.exitValue(), kept.strip());
    }
}
