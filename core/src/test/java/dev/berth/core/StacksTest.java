package dev.berth.core;

import dev.berth.Filter;
import dev.berth.Health;
import dev.berth.ImageNotFoundException;
import dev.berth.InvalidComposeFileException;
import dev.berth.Stack;
import dev.berth.StackSpec;
import dev.berth.Wait;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StacksTest extends EngineTest {
    static final String COMPOSE = """
            services:
              web:
                image: nginx:1.22
                ports: ["80"]
                depends_on:
                  db: {condition: service_healthy}
              db:
                image: postgres:15
                environment:
                  POSTGRES_PASSWORD: pw
                volumes: ["dbdata:/var/lib/postgresql/data"]
                healthcheck:
                  test: ["CMD", "pg_isready", "-U", "postgres"]
                  interval: 500ms
                  retries: 120
              job:
                build: ./job
                depends_on: [db]
            volumes:
              dbdata:
            """;

    private static String project() {
        return "berth-stack-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void upPsServiceAndDown(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("job"));
        Files.writeString(dir.resolve("job/Dockerfile"), "FROM " + TestImages.BUSYBOX + "\nCMD [\"echo\", \"job-done\"]\n");
        Path file = Files.writeString(dir.resolve("docker-compose.yml"), COMPOSE);
        String project = project();
        Stack stack = docker.stacks().up(StackSpec.fromCompose(file).projectName(project));
        try {
            assertEquals(3, stack.ps().size(), stack.ps().toString());
            var web = stack.service("web");
            assertEquals(project + "-web-1", web.name());
            assertEquals(Health.HEALTHY, stack.service("db").inspect().health(), "web waited for a healthy db");
            String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + web.hostPort(80) + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(page.contains("Welcome to nginx!"));
            assertTrue(web.exec("getent", "hosts", "db").succeeded(), "services reach each other by name");
            stack.service("job").waitFor(Wait.exited());
            assertEquals("job-done", stack.service("job").logs().all().text());
            var labels = web.inspect().labels();
            assertEquals(project, labels.get("com.docker.compose.project"));
            assertEquals("web", labels.get("com.docker.compose.service"));
            assertEquals(1, docker.networks().list(Filter.none().name(project + "_default")).size());
            assertEquals(1, docker.volumes().list(Filter.none().name(project + "_dbdata")).size());
            assertEquals(project, docker.stacks().get(project).ps().get(0).labels().get("com.docker.compose.project"));
        } finally {
            stack.downRemovingVolumes();
            docker.images().find(project + "-job").ifPresent(dev.berth.Image::close);
        }
        assertEquals(0, stack.ps().size());
        assertEquals(0, docker.networks().list(Filter.none().label("com.docker.compose.project", project)).size());
        assertEquals(0, docker.volumes().list(Filter.none().label("com.docker.compose.project", project)).size());
    }

    @Test
    void containerOptionsAndEnvFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("app.env"), "# settings\nFROM_FILE=yes\nOVERRIDDEN=file\n");
        Path file = Files.writeString(dir.resolve("docker-compose.yml"), """
                services:
                  box:
                    image: busybox:1.36
                    command: ["sleep", "300"]
                    init: true  # sleep as PID 1 ignores SIGTERM: stop at once, not after 10 s
                    env_file: app.env
                    environment: {OVERRIDDEN: compose}
                    extra_hosts: ["db.local:10.9.8.7"]
                    cap_drop: [CHOWN]
                    read_only: true
                    tmpfs: /scratch
                    mem_limit: 64m
                    pids_limit: 50
                    stop_grace_period: 2s
                """);
        String project = project();
        try (Stack stack = docker.stacks().up(StackSpec.fromCompose(file).projectName(project))) {
            var box = stack.service("box");
            assertEquals("yes compose", box.exec("sh", "-c", "echo $FROM_FILE $OVERRIDDEN").stdout().strip());
            assertTrue(box.exec("cat", "/etc/hosts").stdout().contains("10.9.8.7\tdb.local"));
            assertTrue(!box.exec("touch", "/rootfs").succeeded(), "read-only root");
            assertTrue(box.exec("touch", "/scratch/ok").succeeded(), "tmpfs is writable");
            assertTrue(!box.exec("chown", "1:1", "/scratch/ok").succeeded(), "CHOWN dropped");
        }
    }

    @Test
    void specFeaturesRunOnTheEngine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".env"), "GREETING=hello-from-dotenv\n");
        Files.writeString(dir.resolve("token.txt"), "file-token\n");
        Files.writeString(dir.resolve("app.conf"), "conf-from-file\n");
        Path file = Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    build:
                      dockerfile_inline: |
                        FROM %s AS base
                        ARG GREETING
                        RUN echo "$GREETING" > /greeting
                        FROM base AS final
                        RUN echo final > /stage
                      args: ["GREETING=${GREETING}"]
                      target: base
                    command: sh -c 'for f in /greeting /run/secrets/token /run/secrets/pw /etc/app.conf /content; do cat $$f; echo; done; sleep 300'
                    init: true  # sleep as PID 1 ignores SIGTERM: stop at once, not after 10 s
                    deploy:
                      replicas: 2
                    volumes: [/cache]
                    secrets: [token, pw]
                    configs: [{source: conf, target: /etc/app.conf}, content]
                secrets:
                  token: {file: ./token.txt}
                  pw: {environment: PW}
                configs:
                  conf: {file: ./app.conf}
                  content: {content: "inline ${GREETING}"}
                """.formatted(TestImages.BUSYBOX));
        String project = project();
        Stack stack = docker.stacks().up(StackSpec.fromCompose(file).projectName(project).env("PW", "s3cret"));
        try {
            assertEquals(2, stack.ps().size(), "deploy.replicas");
            var second = docker.containers().get(project + "-app-2");
            second.waitFor(Wait.log("inline hello-from-dotenv"));
            assertEquals(List.of("hello-from-dotenv", "file-token", "s3cret", "conf-from-file",
                    "inline hello-from-dotenv"), second.logs().all().text().lines().filter(l -> !l.isBlank()).toList(),
                    "a command string is split into words (not run by sh -c); secrets and configs are in place");
            assertEquals("-r--r--r--", second.exec("stat", "-c", "%A", "/run/secrets/pw").stdout().strip());
            assertTrue(!second.exec("test", "-f", "/stage").succeeded(), "build.target stops at that stage");
            assertTrue(second.exec("touch", "/cache/x").succeeded(), "anonymous volume mounted");
            assertEquals(2, docker.volumes().list(Filter.none().label("com.docker.compose.project", project)).size(),
                    "one anonymous volume per replica");
        } finally {
            stack.downRemovingVolumes();
            docker.images().find(project + "-app").ifPresent(dev.berth.Image::close);
        }
        assertEquals(0, docker.volumes().list(Filter.none().label("com.docker.compose.project", project)).size());
    }

    @Test
    void networkModeSharesAnotherServicesNetwork(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  db:
                    image: %s
                    command: sh -c 'mkdir -p /www && echo shared > /www/x && httpd -f -p 7777 -h /www'
                    init: true  # sleep as PID 1 ignores SIGTERM: stop at once, not after 10 s
                  sidecar:
                    image: %s
                    command: ["sleep", "300"]
                    init: true  # sleep as PID 1 ignores SIGTERM: stop at once, not after 10 s
                    network_mode: service:db
                """.formatted(TestImages.BUSYBOX, TestImages.BUSYBOX));
        String project = project();
        try (Stack stack = docker.stacks().up(StackSpec.fromCompose(file).projectName(project))) {
            var sidecar = stack.service("sidecar");
            String page = "";
            for (int i = 0; i < 50 && !page.equals("shared"); i++) {
                page = sidecar.exec("wget", "-qO-", "http://127.0.0.1:7777/x").stdout().strip();
                Thread.sleep(100);
            }
            assertEquals("shared", page, "the sidecar reaches db's port on its own localhost");
        }
    }

    @Test
    void upScalesReplicasUpAndDown(@TempDir Path dir) throws Exception {
        String service = "services:\n  worker:\n    image: %s\n    command: [\"sleep\", \"300\"]\n    init: true\n"
                .formatted(TestImages.BUSYBOX);
        Path file = Files.writeString(dir.resolve("compose.yaml"), service + "    scale: 3\n");
        String project = project();
        try (Stack stack = docker.stacks().up(StackSpec.fromCompose(file).projectName(project))) {
            assertEquals(3, stack.ps().size());
            String first = docker.containers().get(project + "-worker-1").id();
            Files.writeString(file, service + "    scale: 1\n");
            docker.stacks().up(StackSpec.fromCompose(file).projectName(project));
            assertEquals(List.of(project + "-worker-1"), stack.ps().stream().map(c -> c.name()).toList());
            assertEquals(first, stack.ps().get(0).id(), "the kept replica was not recreated");
        }
    }

    @Test
    void keysBerthCannotRunFailBeforeAnyEngineCall(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("docker-compose.yml"),
                "services:\n  web:\n    image: nginx:1.22\n    oom_score_adj: 100\n");
        long before = docker.requestCount();
        var e = assertThrows(InvalidComposeFileException.class, () -> docker.stacks().up(StackSpec.fromCompose(file)));
        assertEquals(4, e.line());
        assertEquals("services.web.oom_score_adj", e.keyPath());
        assertEquals(before, docker.requestCount(), "rejected before any engine call");
    }

    @Test
    void aFailedUpRemovesWhatItCreated(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("docker-compose.yml"), """
                services:
                  ok:
                    image: busybox:1.36
                    command: ["sleep", "300"]
                    init: true  # sleep as PID 1 ignores SIGTERM: stop at once, not after 10 s
                    volumes: ["cache:/cache"]
                  broken:
                    image: berth-no-such-image:1
                    depends_on: [ok]
                volumes:
                  cache:
                """);
        String project = project();
        assertThrows(ImageNotFoundException.class, () -> docker.stacks().up(StackSpec.fromCompose(file)
                .projectName(project)));
        assertEquals(0, docker.stacks().get(project).ps().size());
        assertEquals(0, docker.networks().list(Filter.none().label("com.docker.compose.project", project)).size());
        assertEquals(0, docker.volumes().list(Filter.none().label("com.docker.compose.project", project)).size());
    }

    @Test
    void anInvalidFileCreatesNothing(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("docker-compose.yml"),
                "services:\n  web:\n    image: nginx:1.22\n    ports: [\"eighty\"]\n");
        long before = docker.requestCount();
        var e = assertThrows(InvalidComposeFileException.class, () -> docker.stacks().up(StackSpec.fromCompose(file)));
        assertEquals(4, e.line());
        assertEquals(before, docker.requestCount(), "rejected before any engine call");
    }
}
