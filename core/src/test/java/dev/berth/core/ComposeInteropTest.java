package dev.berth.core;

import dev.berth.ContainerSummary;
import dev.berth.Filter;
import dev.berth.Stack;
import dev.berth.StackSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Berth's stacks and the real {@code docker compose} (v2) on the same engine, both ways: the CLI sees, keeps and
 * removes what Berth brought up, and Berth sees and removes what the CLI brought up.
 */
class ComposeInteropTest extends EngineTest {
    private static final String COMPOSE = """
            services:
              web:
                image: %s
                command: ["sleep", "300"]
                init: true  # sleep as PID 1 ignores SIGTERM: stop at once, not after 10 s
                env_file: [app.env]
                environment: {MODE: test}
                depends_on: [db]
              db:
                image: %s
                command: sleep 300
                init: true
                labels: {tier: data}
            """.formatted(TestImages.BUSYBOX, TestImages.BUSYBOX);

    private static String project() {
        return "berth-interop-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Path write(Path dir) throws Exception {
        Files.writeString(dir.resolve("app.env"), "FROM_FILE=1\n");
        return Files.writeString(dir.resolve("compose.yaml"), COMPOSE);
    }

    @Test
    void theCliSeesKeepsAndRemovesBerthsStack(@TempDir Path dir) throws Exception {
        Path file = write(dir);
        String project = project();
        Stack stack = docker.stacks().up(StackSpec.fromCompose(file).projectName(project));
        try {
            Map<String, String> before = ids(stack.ps());
            String ps = cli("-p", project, "ps", "--format", "{{.Service}} {{.State}}");
            assertEquals(List.of("db running", "web running"), ps.lines().sorted().toList(), ps);
            cli("-f", file.toString(), "-p", project, "up", "-d");
            assertEquals(before, ids(stack.ps()), "docker compose up changed nothing: same containers (no recreate)");
            cli("-p", project, "down");
            assertEquals(0, stack.ps().size(), "docker compose down removed Berth's containers");
            assertEquals(0, docker.networks().list(Filter.none().label("com.docker.compose.project", project))
                    .size(), "and its network");
        } finally {
            stack.downRemovingVolumes();
        }
    }

    @Test
    void berthSeesAndRemovesTheClisStack(@TempDir Path dir) throws Exception {
        Path file = write(dir);
        String project = project();
        try {
            cli("-f", file.toString(), "-p", project, "up", "-d");
            Stack stack = docker.stacks().get(project);
            assertEquals(2, stack.ps().size(), stack.ps().toString());
            assertEquals(project + "-web-1", stack.service("web").name());
            Map<String, String> before = ids(stack.ps());
            docker.stacks().up(StackSpec.fromCompose(file).projectName(project));
            assertEquals(before, ids(stack.ps()), "Berth's up on Compose's running stack changes nothing");
            stack.down();
            assertEquals(0, stack.ps().size());
            assertEquals(0, docker.networks().list(Filter.none().label("com.docker.compose.project", project))
                    .size());
        } finally {
            cli("-p", project, "down", "-v");
        }
    }

    @Test
    void berthsUpRecreatesOnlyWhatChanged(@TempDir Path dir) throws Exception {
        Path file = write(dir);
        String project = project();
        Stack stack = docker.stacks().up(StackSpec.fromCompose(file).projectName(project));
        try {
            Map<String, String> first = ids(stack.ps());
            docker.stacks().up(StackSpec.fromCompose(file).projectName(project));
            assertEquals(first, ids(stack.ps()), "the same file again changes nothing");
            Files.writeString(file, COMPOSE.replace("MODE: test", "MODE: changed"));
            docker.stacks().up(StackSpec.fromCompose(file).projectName(project));
            Map<String, String> second = ids(stack.ps());
            assertEquals(first.get(project + "-db-1"), second.get(project + "-db-1"), "db kept");
            assertTrue(!first.get(project + "-web-1").equals(second.get(project + "-web-1")), "web recreated");
            assertEquals("changed", stack.service("web").exec("sh", "-c", "echo $MODE").stdout().strip());
            String ps = cli("-f", file.toString(), "-p", project, "up", "-d");
            assertEquals(second, ids(stack.ps()), "and docker compose agrees nothing is left to do: " + ps);
        } finally {
            stack.downRemovingVolumes();
        }
    }

    @Test
    void berthsLabelsAreTheOnesComposeWrites(@TempDir Path dir) throws Exception {
        Path file = write(dir);
        String ours = project();
        String theirs = project();
        Stack stack = docker.stacks().up(StackSpec.fromCompose(file).projectName(ours));
        try {
            cli("-f", file.toString(), "-p", theirs, "up", "-d");
            for (String service : List.of("web", "db")) {
                Map<String, String> berth = composeLabels(stack.service(service).inspect().labels(), ours);
                Map<String, String> compose = composeLabels(docker.stacks().get(theirs).service(service).inspect()
                        .labels(), theirs);
                assertEquals(compose, berth, service);
            }
        } finally {
            stack.downRemovingVolumes();
            cli("-p", theirs, "down", "-v");
        }
    }

    /** The com.docker.compose.* labels, with the project name made neutral. */
    private static Map<String, String> composeLabels(Map<String, String> labels, String project) {
        Map<String, String> out = new TreeMap<>();
        labels.forEach((k, v) -> {
            if (k.startsWith("com.docker.compose.")) {
                out.put(k, v.replace(project, "P"));
            }
        });
        return out;
    }

    private static Map<String, String> ids(List<ContainerSummary> ps) {
        Map<String, String> ids = new TreeMap<>();
        ps.forEach(c -> ids.put(c.name(), c.id()));
        return ids;
    }

    /** {@code docker compose ARGS} against the engine this test uses. */
    private static String cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker", "compose"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "docker compose " + String.join(" ", args) + " timed out");
        assertEquals(0, p.exitValue(), "docker compose " + String.join(" ", args) + ":\n" + out);
        return out;
    }
}
