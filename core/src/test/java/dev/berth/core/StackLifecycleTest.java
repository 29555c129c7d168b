package dev.berth.core;

import dev.berth.ContainerSpec;
import dev.berth.ContainerStatus;
import dev.berth.Health;
import dev.berth.ServiceContainer;
import dev.berth.Stack;
import dev.berth.StackNotReadyException;
import dev.berth.StackSpec;
import dev.berth.UpOption;
import dev.berth.Wait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code up --wait}, graceful {@code down}, {@code --remove-orphans} and {@code ps} on the engine. */
class StackLifecycleTest extends EngineTest {
    private static final Duration WAIT = Duration.ofMinutes(2);

    private static String project() {
        return "berth-life-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void upWaitReturnsWhenHealthyRunningAndCompleted(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("compose.yml"), """
                services:
                  init:
                    image: %1$s
                    command: ["sh", "-c", "echo init-done"]
                  api:
                    image: %1$s
                    command: ["sh", "-c", "sleep 1; touch /ready; trap 'exit 0' TERM; sleep 300 & wait"]
                    ports: ["8080"]
                    healthcheck:
                      test: ["CMD", "test", "-f", "/ready"]
                      interval: 200ms
                      retries: 100
                    depends_on:
                      init: {condition: service_completed_successfully}
                  worker:
                    image: %1$s
                    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 300 & wait"]
                """.formatted(TestImages.BUSYBOX));
        String project = project();
        try {
            Stack stack = docker.stacks().up(StackSpec.fromCompose(file).projectName(project),
                    UpOption.waitUntilReady(WAIT));
            Map<String, ServiceContainer> rows = stack.containers().stream()
                    .collect(Collectors.toMap(ServiceContainer::service, r -> r));
            assertEquals(Health.HEALTHY, rows.get("api").health(), rows.toString());
            assertEquals(ContainerStatus.RUNNING, rows.get("worker").status());
            assertEquals(Health.NONE, rows.get("worker").health());
            assertEquals(ContainerStatus.EXITED, rows.get("init").status());
            assertEquals(0, rows.get("init").exitCode());
            assertEquals(1, rows.get("api").number());
            assertEquals(project + "-api-1", rows.get("api").name());
            assertEquals(1, rows.get("api").ports().size(), "ps shows the published port");
            assertEquals(8080, rows.get("api").ports().get(0).containerPort());
            assertTrue(rows.get("api").ports().get(0).hostPort() > 0);
        } finally {
            docker.stacks().get(project).down();
        }
        assertEquals(List.of(), docker.stacks().get(project).ps());
    }

    @Test
    void upWaitNamesTheFailingServiceWithItsLogs(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("compose.yml"), """
                services:
                  ok:
                    image: %1$s
                    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 300 & wait"]
                  broken:
                    image: %1$s
                    command: ["sh", "-c", "echo cannot-connect-to-db; exit 3"]
                """.formatted(TestImages.BUSYBOX));
        String project = project();
        try {
            StackNotReadyException e = assertThrows(StackNotReadyException.class, () -> docker.stacks()
                    .up(StackSpec.fromCompose(file).projectName(project), UpOption.waitUntilReady(WAIT)));
            assertEquals("broken", e.service());
            assertEquals(project + "-broken-1", e.container());
            assertEquals("exited with code 3", e.state());
            assertEquals(3, e.exitCode());
            assertTrue(e.lastLogLines().contains("cannot-connect-to-db"), e.getMessage());
            assertEquals(2, docker.stacks().get(project).ps().size(), "the stack is left up to be inspected");
        } finally {
            docker.stacks().get(project).down();
        }
    }

    @Test
    void upWaitTimesOutOnAServiceThatNeverGetsHealthy(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("compose.yml"), """
                services:
                  slow:
                    image: %1$s
                    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 300 & wait"]
                    healthcheck:
                      test: ["CMD", "test", "-f", "/never"]
                      interval: 10s
                """.formatted(TestImages.BUSYBOX));
        String project = project();
        try {
            StackNotReadyException e = assertThrows(StackNotReadyException.class, () -> docker.stacks()
                    .up(StackSpec.fromCompose(file).projectName(project),
                            UpOption.waitUntilReady(Duration.ofSeconds(2))));
            assertEquals("slow", e.service());
            assertTrue(e.state().startsWith("still running (health: starting)"), e.state());
        } finally {
            docker.stacks().get(project).down();
        }
    }

    /**
     * Each service's trap appends its name to a file on a shared volume when it gets its stop signal: the file
     * proves the signal (SIGTERM, or the service's stop_signal) arrived, and the order is reverse dependency order.
     */
    @Test
    void downStopsGracefullyInReverseDependencyOrder(@TempDir Path dir) throws Exception {
        String trap = "trap 'echo %s >> /data/order; exit 0' %s; while true; do sleep 0.1; done";
        Path file = Files.writeString(dir.resolve("compose.yml"), """
                services:
                  db:
                    image: %1$s
                    command: ["sh", "-c", "%2$s"]
                    volumes: ["shared:/data"]
                  web:
                    image: %1$s
                    command: ["sh", "-c", "%3$s"]
                    stop_signal: SIGUSR1
                    stop_grace_period: 20s
                    volumes: ["shared:/data"]
                    depends_on: [db]
                volumes:
                  shared:
                """.formatted(TestImages.BUSYBOX, trap.formatted("db", "TERM"), trap.formatted("web", "USR1")));
        String project = project();
        String volume = project + "_shared";
        try {
            Stack stack = docker.stacks().up(StackSpec.fromCompose(file).projectName(project),
                    UpOption.waitUntilReady(WAIT));
            stack.down();
            assertEquals(List.of(), stack.ps());
            var reader = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX).volume(volume, "/data")
                    .command("cat", "/data/order"));
            try {
                reader.waitFor(Wait.exited());
                assertEquals("web\ndb", reader.logs().all().text().strip(),
                        "web (stopped by SIGUSR1) before db (SIGTERM), both handled their signal");
            } finally {
                reader.close();
            }
            assertNotNull(docker.volumes().find(volume).orElse(null), "down keeps named volumes");
        } finally {
            docker.stacks().get(project).downRemovingVolumes();
        }
        assertTrue(docker.volumes().find(volume).isEmpty(), "downRemovingVolumes removes them");
    }

    @Test
    void removeOrphansRemovesServicesNoLongerInTheFile(@TempDir Path dir) throws Exception {
        String two = """
                services:
                  keep:
                    image: %1$s
                    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 300 & wait"]
                  gone:
                    image: %1$s
                    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 300 & wait"]
                """.formatted(TestImages.BUSYBOX);
        Path file = Files.writeString(dir.resolve("compose.yml"), two);
        String project = project();
        StackSpec spec = StackSpec.fromCompose(file).projectName(project);
        try {
            docker.stacks().up(spec);
            String keepId = docker.stacks().get(project).service("keep").id();
            Files.writeString(file, two.substring(0, two.indexOf("  gone:")));
            docker.stacks().up(spec);
            assertEquals(2, docker.stacks().get(project).ps().size(), "without the option the orphan stays");
            Stack stack = docker.stacks().up(spec, UpOption.removeOrphans());
            assertEquals(List.of("keep"), stack.containers().stream().map(ServiceContainer::service).toList());
            assertEquals(keepId, stack.service("keep").id(), "the kept service was not recreated");
        } finally {
            docker.stacks().get(project).down();
        }
    }
}
