package dev.berth.core;

import dev.berth.ContainerStatus;
import dev.berth.ContainerSummary;
import dev.berth.ExecResult;
import dev.berth.Health;
import dev.berth.ImagePullException;
import dev.berth.OneOffSpec;
import dev.berth.ServiceContainer;
import dev.berth.StackNotReadyException;
import dev.berth.StackSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code stacks().run} as {@code docker compose run}: dependencies first with their conditions, {@code --no-deps},
 * {@code --rm} or not, the one-off's name and labels compared with the CLI's one-off on the same file; and
 * {@code stacks().pull} with a service's {@code platform:}.
 */
class StackRunTest extends EngineTest {
    private static final String IDLE = "trap 'exit 0' TERM; sleep 300 & wait";

    /** db (healthy after its first probe), init (one-shot), cache (started), and app needing all three. */
    private static Path file(Path dir, int initExit) throws Exception {
        return Files.writeString(dir.resolve("compose.yml"), """
                services:
                  db:
                    image: %1$s
                    command: ["sh", "-c", "%2$s"]
                    healthcheck: {test: ["CMD", "true"], interval: 500ms}
                  init:
                    image: %1$s
                    command: ["sh", "-c", "echo init-ran; exit %3$d"]
                  cache:
                    image: %1$s
                    command: ["sh", "-c", "%2$s"]
                    depends_on: [base]
                  base:
                    image: %1$s
                    command: ["sh", "-c", "%2$s"]
                  lonely:
                    image: %1$s
                    command: ["sh", "-c", "%2$s"]
                  app:
                    image: %1$s
                    command: ["echo", "from-the-file"]
                    ports: ["80"]
                    restart: always
                    labels: {mine: "yes"}
                    depends_on:
                      db: {condition: service_healthy}
                      init: {condition: service_completed_successfully}
                      cache: {condition: service_started}
                """.formatted(TestImages.BUSYBOX, IDLE, initExit));
    }

    private static String project(String kind) {
        return "berth-" + kind + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void runStartsTheDependenciesFirstAsComposeRunDoes(@TempDir Path dir) throws Exception {
        Path file = file(dir, 0);
        String ours = project("run");
        String theirs = project("clirun");
        try {
            ExecResult result = docker.stacks().run(StackSpec.fromCompose(file).projectName(ours),
                    OneOffSpec.of("app").command("sh", "-c", "echo ran-after-deps; exit 3"));
            assertEquals(3, result.exitCode());
            assertEquals("ran-after-deps", result.stdout());

            Map<String, String> states = states(ours);
            assertEquals(Map.of("db", "running healthy", "init", "exited 0", "cache", "running",
                    "base", "running"), states, "dependencies (and theirs) up, lonely not, the one-off removed");
            cli("-f", file.toString(), "-p", theirs, "run", "--rm", "-T", "app", "true");
            assertEquals(cliStates(theirs), cliStates(ours), "the same containers as after docker compose run");
        } finally {
            docker.stacks().get(ours).down();
            removeOneOffs(theirs);
            cli("-p", theirs, "down");
        }
    }

    @Test
    void theOneOffIsNamedAndLabelledAsComposeNamesItsOwn(@TempDir Path dir) throws Exception {
        Path file = file(dir, 0);
        String ours = project("oneoff");
        String theirs = project("clioneoff");
        try {
            ExecResult result = docker.stacks().run(StackSpec.fromCompose(file).projectName(ours),
                    OneOffSpec.of("app").noDeps().keepContainer());
            assertEquals("from-the-file", result.stdout());
            ServiceContainer kept = docker.stacks().get(ours).containers().stream()
                    .filter(ServiceContainer::oneOff).findFirst().orElseThrow();
            assertTrue(kept.name().matches(ours + "-app-run-[0-9a-f]{12}"), kept.name());
            assertEquals(ContainerStatus.EXITED, kept.status(), "kept after it ended (no --rm)");
            assertEquals(Map.of("app (one-off)", "exited 0"), states(ours), "--no-deps started nothing else");

            cli("-f", file.toString(), "-p", theirs, "run", "-d", "-T", "--no-deps", "app", "sleep", "30");
            ContainerSummary cliOneOff = docker.containers().list(dev.berth.ContainerFilter.all()
                    .label("com.docker.compose.project", theirs)).get(0);
            var ourLabels = docker.containers().get(kept.id()).inspect().labels();
            var cliLabels = docker.containers().get(cliOneOff.id()).inspect().labels();
            Set<String> compared = new TreeSet<>(cliLabels.keySet());
            compared.removeIf(k -> !k.startsWith("com.docker.compose.") && !k.equals("mine"));
            Set<String> ourKeys = new TreeSet<>(ourLabels.keySet());
            ourKeys.removeIf(k -> !k.startsWith("com.docker.compose.") && !k.equals("mine"));
            assertEquals(compared, ourKeys, "the same label keys as Compose's one-off (no container-number)");
            for (String key : List.of("com.docker.compose.oneoff", "com.docker.compose.service", "mine",
                    "com.docker.compose.depends_on", "com.docker.compose.image", "com.docker.compose.version")) {
                assertEquals(cliLabels.get(key), ourLabels.get(key), key);
            }
            assertTrue(ourLabels.get("com.docker.compose.slug").matches("[0-9a-f]{64}"));
            assertTrue(ourLabels.get("com.docker.compose.slug").startsWith(kept.name().substring(
                    kept.name().length() - 12)), "the name ends with the slug's first 12 hex, as Compose's");
            var settings = docker.containers().get(kept.id()).inspect();
            assertEquals(List.of(), settings.ports(), "no published ports without --service-ports");
            assertEquals(Set.of(), aliases(kept.id(), ours + "_default"), "no service alias without --use-aliases");
            assertEquals(Set.of(), aliases(cliOneOff.id(), theirs + "_default"), "Compose's one-off has none");

            docker.stacks().get(ours).down();
            assertEquals(List.of(), docker.stacks().get(ours).ps(), "down removes the kept one-off too");
        } finally {
            docker.stacks().get(ours).down();
            removeOneOffs(theirs);
            cli("-p", theirs, "down", "-t", "1");
        }
    }

    @Test
    void aDependencyThatFailsItsConditionStopsTheRunAndNamesIt(@TempDir Path dir) throws Exception {
        Path file = file(dir, 5);
        String project = project("runfail");
        try {
            StackNotReadyException e = assertThrows(StackNotReadyException.class, () -> docker.stacks().run(
                    StackSpec.fromCompose(file).projectName(project), "app", "echo", "never"));
            assertEquals("init", e.service());
            assertTrue(e.getMessage().contains("exited with code 5") && e.getMessage().contains("'app'"),
                    e.getMessage());
            assertEquals(List.of("init-ran"), e.lastLogLines());
            assertEquals(List.of(), docker.stacks().get(project).ps(), "what the run created is removed again");
            assertFalse(docker.networks().find(project + "_default").isPresent());
        } finally {
            docker.stacks().get(project).down();
        }
    }

    @Test
    void pullAsksTheEngineForTheServicesPlatform(@TempDir Path dir) throws Exception {
        String project = project("platform");
        Path amd64 = Files.writeString(dir.resolve("amd64.yml"), """
                services:
                  tool:
                    image: %s
                    platform: linux/amd64
                """.formatted(TestImages.BUSYBOX));
        docker.stacks().pull(StackSpec.fromCompose(amd64).projectName(project));
        var image = docker.images().inspect(TestImages.BUSYBOX);
        assertEquals("linux/amd64", image.os() + "/" + image.architecture());

        Path arm = Files.writeString(dir.resolve("arm.yml"), """
                services:
                  tool:
                    image: %s
                    platform: linux/arm64
                """.formatted(TestImages.BUSYBOX));
        ImagePullException e = assertThrows(ImagePullException.class,
                () -> docker.stacks().pull(StackSpec.fromCompose(arm).projectName(project)));
        assertTrue(e.getMessage().contains("'tool'") && e.getMessage().contains(TestImages.BUSYBOX)
                && e.getMessage().contains("linux/arm64") && e.getMessage().contains("Fix:"), e.getMessage());

        Path bogus = Files.writeString(dir.resolve("bogus.yml"), """
                services:
                  tool:
                    image: %s
                    platform: z80
                """.formatted(TestImages.BUSYBOX));
        ImagePullException refused = assertThrows(ImagePullException.class,
                () -> docker.stacks().pull(StackSpec.fromCompose(bogus).projectName(project)));
        assertTrue(refused.getMessage().contains("z80") && refused.getMessage().contains("'tool'"),
                refused.getMessage());
        assertTrue(refused.getCause().getMessage().contains("z80"), "the engine itself refused the platform it"
                + " was sent: " + refused.getCause().getMessage());
    }

    /** {@code docker compose down} leaves the CLI's one-offs (and so their network): they go first, by label. */
    private static void removeOneOffs(String project) throws Exception {
        for (String id : docker("ps", "-aq", "--filter", "label=com.docker.compose.project=" + project, "--filter",
                "label=com.docker.compose.oneoff=True").split("\\s+")) {
            if (!id.isBlank()) {
                docker("rm", "-f", id);
            }
        }
    }

    /** Service → "state [health]" ("exited N" for exited) of the project's service containers. */
    private static Map<String, String> states(String project) {
        Map<String, String> states = new TreeMap<>();
        for (ServiceContainer c : docker.stacks().get(project).containers()) {
            String state = c.status() == ContainerStatus.EXITED ? "exited " + c.exitCode()
                    : c.status().name().toLowerCase() + (c.health() == Health.NONE ? ""
                            : " " + c.health().name().toLowerCase());
            states.put(c.oneOff() ? c.service() + " (one-off)" : c.service(), state);
        }
        return states;
    }

    /** What {@code docker compose ps -a} shows: service and state, one-offs included. */
    private static Set<String> cliStates(String project) throws Exception {
        return cli("-p", project, "ps", "-a", "--format", "{{.Service}} {{.State}}").lines()
                .filter(l -> !l.isBlank()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Network aliases other than the container's own name and short id (which the engine adds itself). */
    private static Set<String> aliases(String id, String network) throws Exception {
        String json = docker("inspect", "--format", "{{json (index .NetworkSettings.Networks \"" + network
                + "\").Aliases}}", id).strip();
        var inspect = docker.containers().get(id).inspect();
        String name = inspect.name().startsWith("/") ? inspect.name().substring(1) : inspect.name();
        Set<String> aliases = new TreeSet<>();
        if (!json.equals("null")) {
            for (String a : json.replaceAll("[\\[\\]\"]", "").split(",")) {
                if (!a.isBlank() && !a.equals(name) && !id.startsWith(a)) {
                    aliases.add(a);
                }
            }
        }
        return aliases;
    }

    private static String cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("compose"));
        command.addAll(List.of(args));
        return docker(command.toArray(String[]::new));
    }

    /** {@code docker ARGS} against the engine this test uses (DOCKER_HOST is inherited). */
    private static String docker(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + out + err);
        return out;
    }
}
