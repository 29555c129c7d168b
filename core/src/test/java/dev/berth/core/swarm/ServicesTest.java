package dev.berth.core.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.LogLine;
import dev.berth.Secret;
import dev.berth.Service;
import dev.berth.ServiceConvergenceException;
import dev.berth.ServiceFile;
import dev.berth.ServiceInfo;
import dev.berth.ServicePort;
import dev.berth.ServiceSpec;
import dev.berth.TaskInfo;
import dev.berth.UpdateConfig;
import dev.berth.core.TestImages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ServicesTest extends SwarmEngineTest {
    static final Duration CONVERGE = Duration.ofSeconds(90);
    /** Exits at once on SIGTERM (PID 1 ignores it otherwise and every removal waits the 10 s grace period). */
    static final String[] IDLE = {"sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"};

    @Test
    void createConvergeAnswerOnAHostPortScaleAndRemove() throws Exception {
        try (Service web = docker.swarm().services().create(ServiceSpec.of(unique("berth-web-"), TestImages.NGINX)
                .publish(ServicePort.host(80, 0)))) {
            web.awaitConverged(CONVERGE);
            TaskInfo task = running(web).get(0);
            int port = task.hostPort(80);
            assertTrue(port > 0, "host-mode port published: " + task);
            String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + port + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(page.contains("Welcome to nginx!"), page);

            web.scale(2).awaitConverged(CONVERGE);
            ServiceInfo info = web.inspect();
            assertEquals(2, info.replicas());
            assertEquals(2, info.running());
            assertEquals(2, running(web).size());
            assertEquals("2/2", Cli.run("service", "ls", "--filter", "name=" + web.name(), "--format",
                    "{{.Replicas}}"), "the CLI agrees");
            assertEquals(web.id(), docker.swarm().services().get(web.name()).id());
            assertTrue(docker.swarm().services().list().stream().anyMatch(s -> s.name().equals(web.name())));
        }
        assertEquals("", Cli.run("service", "ls", "-q", "--filter", "label=dev.berth.managed"));
    }

    @Test
    void rollingUpdateThenRollback() {
        ServiceSpec v1 = ServiceSpec.of(unique("berth-roll-"), TestImages.BUSYBOX).command(IDLE).env("V", "one")
                .replicas(2).update(UpdateConfig.rolling().parallelism(1).delay(Duration.ZERO).startFirst())
                .rollback(UpdateConfig.rolling().parallelism(2));
        try (Service service = docker.swarm().services().create(v1)) {
            service.awaitConverged(CONVERGE);
            service.update(v1.env("V", "two")).awaitConverged(CONVERGE);
            ServiceInfo updated = service.inspect();
            assertTrue(updated.specJson().contains("V=two"), updated.specJson());
            assertEquals("completed", updated.updateState());
            assertEquals("start-first", Cli.run("service", "inspect", service.name(), "--format",
                    "{{.Spec.UpdateConfig.Order}}"));
            assertTrue(service.tasks().stream().filter(t -> t.state().equals("shutdown")).count() >= 2,
                    "the old tasks were replaced one by one: " + service.tasks());

            service.rollback().awaitConverged(CONVERGE);
            ServiceInfo rolledBack = service.inspect();
            assertTrue(rolledBack.specJson().contains("V=one"), rolledBack.specJson());
            assertEquals("rollback_completed", rolledBack.updateState());
        }
    }

    @Test
    void logsAreMergedOverTasks() {
        ServiceSpec spec = ServiceSpec.of(unique("berth-logs-"), TestImages.BUSYBOX).replicas(2).command("sh", "-c",
                "echo hello from $(hostname); trap 'exit 0' TERM; while true; do sleep 1; done");
        try (Service service = docker.swarm().services().create(spec)) {
            service.awaitConverged(CONVERGE);
            Set<String> hosts = Set.of();
            for (int i = 0; i < 50 && hosts.size() < 2; i++) {
                hosts = service.logs(10).stream().map(LogLine::text).filter(t -> t.startsWith("hello from"))
                        .collect(Collectors.toSet());
                sleep(100);
            }
            assertEquals(2, hosts.size(), "one line from each task: " + service.logs(10));
            List<LogLine> lines = service.logs(10);
            for (int i = 1; i < lines.size(); i++) {
                assertTrue(!lines.get(i).timestamp().isBefore(lines.get(i - 1).timestamp()), "in time order");
            }
        }
    }

    @Test
    void aFailingServiceReportsTheTaskErrorAndItsLastLogs() {
        ServiceSpec spec = ServiceSpec.of(unique("berth-fail-"), TestImages.BUSYBOX)
                .command("sh", "-c", "echo boom-before-exit; exit 3");
        try (Service service = docker.swarm().services().create(spec)) {
            var e = assertThrows(ServiceConvergenceException.class, () -> service.awaitConverged(CONVERGE));
            assertTrue(e.taskError().contains("non-zero exit (3)"), e.getMessage());
            assertTrue(e.lastLogLines().stream().anyMatch(l -> l.contains("boom-before-exit")), e.getMessage());
            assertEquals(service.name(), e.service());
            assertTrue(service.tasks().stream().anyMatch(t -> t.state().equals("failed") && t.exitCode() == 3));
        }
    }

    @Test
    void aHealthCheckGatesConvergenceAndGlobalModeRunsOnePerNode() {
        ServiceSpec spec = ServiceSpec.of(unique("berth-global-"), TestImages.BUSYBOX).global().command(IDLE)
                .healthCheck(dev.berth.HealthCheck.cmd("true").interval(Duration.ofMillis(200)));
        try (Service service = docker.swarm().services().create(spec)) {
            service.awaitConverged(CONVERGE);
            ServiceInfo info = service.inspect();
            assertTrue(info.global());
            assertEquals(1, info.running());
            String container = running(service).get(0).containerId();
            assertEquals(dev.berth.Health.HEALTHY, docker.containers().get(container).inspect().health());
        }
    }

    @Test
    void secretsAndConfigsReachTheTasksAsFiles() {
        String secret = unique("berth-pw-");
        String config = unique("berth-conf-");
        docker.swarm().secrets().create(secret, Secret.of("s3cret-value"));
        docker.swarm().configs().create(config, "conf-body".getBytes(), Map.of());
        try (Service service = docker.swarm().services().create(ServiceSpec.of(unique("berth-files-"),
                TestImages.BUSYBOX).command(IDLE).secret(ServiceFile.of(secret, "pw"))
                .config(new ServiceFile(config, "/etc/app.conf", 0440)))) {
            service.awaitConverged(CONVERGE);
            var container = docker.containers().get(running(service).get(0).containerId());
            assertEquals("s3cret-value", container.exec("cat", "/run/secrets/pw").stdout());
            assertEquals("conf-body", container.exec("cat", "/etc/app.conf").stdout());
            assertEquals("440", container.exec("stat", "-c", "%a", "/etc/app.conf").stdout().strip());
        } finally {
            docker.swarm().secrets().remove(secret);
            docker.swarm().configs().remove(config);
        }
    }

    @Test
    void aMissingSecretIsNamedBeforeAnythingIsCreated() {
        String name = unique("berth-nosecret-");
        var e = assertThrows(dev.berth.NotFoundException.class, () -> docker.swarm().services().create(
                ServiceSpec.of(name, TestImages.BUSYBOX).secret(ServiceFile.of("no-such-secret-x", "x"))));
        assertTrue(e.getMessage().contains("no-such-secret-x"), e.getMessage());
        assertTrue(docker.swarm().services().list().stream().noneMatch(s -> s.name().equals(name)));
    }

    static List<TaskInfo> running(Service service) {
        return service.tasks().stream().filter(t -> t.isRunning() && t.desiredState().equals("running")).toList();
    }
}
