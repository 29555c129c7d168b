package dev.berth.core;

import dev.berth.ContainerStatus;
import dev.berth.ServiceContainer;
import dev.berth.Stack;
import dev.berth.StackSpec;
import dev.berth.UpOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** logs, exec, stop/start/restart of a stack on the engine, compared with the {@code docker compose} CLI. */
class StackOperationsTest extends EngineTest {
    private static final String IDLE = "trap 'exit 0' TERM; sleep 300 & wait";

    @Test
    void logsExecStopStartRestart(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("compose.yml"), """
                services:
                  api:
                    image: %1$s
                    command: ["sh", "-c", "echo api-hello; echo api-second; %2$s"]
                  db:
                    image: %1$s
                    command: ["sh", "-c", "echo db-hello; %2$s"]
                  ticker:
                    image: %1$s
                    command: ["sh", "-c", "trap 'exit 0' TERM; while true; do echo tick; sleep 0.2; done"]
                """.formatted(TestImages.BUSYBOX, IDLE));
        String project = "berth-ops-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            Stack stack = docker.stacks().up(StackSpec.fromCompose(file).projectName(project),
                    UpOption.waitUntilReady(Duration.ofMinutes(2)));
            List<String> logs = stack.logs();
            assertTrue(logs.contains("api-1    | api-hello"), logs.toString());
            assertTrue(logs.indexOf("api-1    | api-hello") < logs.indexOf("api-1    | api-second"));
            assertTrue(logs.contains("db-1     | db-hello"), logs.toString());
            assertTrue(logs.contains("ticker-1 | tick"), logs.toString());
            Set<String> cli = lines(cli("compose", "-p", project, "logs", "--no-color", "api", "db"));
            assertEquals(cli, normalized(logs.stream().filter(l -> !l.startsWith("ticker")).toList()),
                    "the same lines as docker compose logs");

            List<String> followed = new CopyOnWriteArrayList<>();
            try (var follow = stack.followLogs(followed::add)) {
                long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (followed.stream().filter(l -> l.equals("ticker-1 | tick")).count() < 3
                        && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
            }
            assertTrue(followed.contains("api-1    | api-hello"), followed.toString());
            assertTrue(followed.stream().filter(l -> l.equals("ticker-1 | tick")).count() >= 3, followed.toString());

            assertEquals("hi\n", stack.exec("api", "echo", "hi").stdout());

            stack.stop("api");
            assertEquals(Map.of("api", ContainerStatus.EXITED, "db", ContainerStatus.RUNNING,
                    "ticker", ContainerStatus.RUNNING), states(stack));
            assertEquals(0, stack.service("api").inspect().exitCode(), "stopped by SIGTERM, which its trap handled");
            assertTrue(cli("compose", "-p", project, "ps", "--services", "--status", "exited").contains("api"));
            stack.start();
            assertEquals(Map.of("api", ContainerStatus.RUNNING, "db", ContainerStatus.RUNNING,
                    "ticker", ContainerStatus.RUNNING), states(stack));
            var before = stack.service("db").inspect().startedAt();
            stack.restart("db");
            assertTrue(stack.service("db").inspect().startedAt().isAfter(before), "db was restarted");
            stack.stop();
            assertEquals(Set.of(ContainerStatus.EXITED), Set.copyOf(states(stack).values()));
        } finally {
            docker.stacks().get(project).down();
        }
    }

    @Test
    void buildPullAndRunAOneOff(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("tool"));
        Files.writeString(dir.resolve("tool/Dockerfile"), "FROM " + TestImages.BUSYBOX
                + "\nRUN echo built > /built\nCMD [\"cat\", \"/built\"]\n");
        Path file = Files.writeString(dir.resolve("compose.yml"), """
                services:
                  tool:
                    build: ./tool
                    restart: always
                    ports: ["80"]
                    environment: {GREETING: hello-from-env}
                  base:
                    image: %1$s
                    command: ["sh", "-c", "%2$s"]
                """.formatted(TestImages.BUSYBOX, IDLE));
        String project = "berth-run-" + UUID.randomUUID().toString().substring(0, 8);
        StackSpec spec = StackSpec.fromCompose(file).projectName(project);
        try {
            docker.stacks().build(spec);
            docker.stacks().pull(spec);
            Set<String> composeImages = lines(cli("compose", "-f", file.toString(), "-p", project, "config",
                    "--images"));
            assertEquals(Set.of(project + "-tool", TestImages.BUSYBOX), composeImages);
            for (String image : composeImages) {
                assertTrue(docker.images().find(image).isPresent(), image + " was built or pulled");
            }
            var result = docker.stacks().run(spec, "tool");
            assertEquals(0, result.exitCode());
            assertEquals("built", result.stdout(), "the file's command, in the built image");
            var env = docker.stacks().run(spec, "tool", "sh", "-c", "echo $GREETING; exit 4");
            assertEquals(4, env.exitCode(), "a one-off ends despite restart: always");
            assertEquals("hello-from-env", env.stdout());
            assertEquals(List.of(), docker.stacks().get(project).ps(), "one-offs are removed after the run");
            assertTrue(docker.networks().find(project + "_default").isPresent(), "run created the network");
        } finally {
            docker.stacks().get(project).down();
            docker.images().find(project + "-tool").ifPresent(dev.berth.Image::close);
        }
    }

    private static Map<String, ContainerStatus> states(Stack stack) {
        return stack.containers().stream().collect(Collectors.toMap(ServiceContainer::service,
                ServiceContainer::status));
    }

    /** Compose pads the prefix differently; compare "name | text" with single spaces. */
    private static Set<String> normalized(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll("\\s+\\|\\s", " | ").strip())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> lines(String text) {
        return normalized(text.lines().filter(l -> !l.isBlank()).toList());
    }

    private static String cli(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "docker";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
