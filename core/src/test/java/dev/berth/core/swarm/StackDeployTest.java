package dev.berth.core.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.DeployedStack;
import dev.berth.Filter;
import dev.berth.InvalidSpecException;
import dev.berth.NotFoundException;
import dev.berth.ServiceInfo;
import dev.berth.ServicePort;
import dev.berth.StackSpec;
import dev.berth.TaskInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackDeployTest extends SwarmEngineTest {
    static final Duration CONVERGE = Duration.ofSeconds(180);

    @Test
    void deployConvergeReachRedeployOnlyWhatChangedAndTheCliRemovesIt(@TempDir Path dir) throws Exception {
        Path file = StackFixtures.copy("four", dir);
        String name = unique("berth");
        try {
            DeployedStack stack = docker.stacks().deploy(StackSpec.fromCompose(file).projectName(name));
            stack.awaitConverged(CONVERGE);

            // reachable through a host-mode port on 127.0.0.1
            TaskInfo web = stack.service("web").tasks().stream().filter(TaskInfo::isRunning).findFirst()
                    .orElseThrow();
            String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + web.hostPort(80) + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(page.contains("Welcome to nginx!"), page);
            var webContainer = docker.containers().get(web.containerId());
            assertTrue(webContainer.exec("cat", "/etc/nginx/conf.d/extra.conf").stdout().contains("listen 8081"),
                    "the config reached nginx as a file");
            var api = docker.containers().get(stack.service("api").tasks().stream().filter(TaskInfo::isRunning)
                    .findFirst().orElseThrow().containerId());
            assertEquals("s3cret", api.exec("cat", "/run/secrets/db_password").stdout());
            assertTrue(api.exec("getent", "hosts", "db").succeeded(), "services reach each other on the overlay");

            // the CLI sees Berth's stack
            assertTrue(List.of(Cli.run("stack", "ls", "--format", "{{.Name}}").split("\n")).contains(name));
            assertEquals(4, Cli.run("stack", "services", name, "--format", "{{.Name}}").split("\n").length);
            assertTrue(Cli.run("stack", "ps", name, "--format", "{{.Name}} {{.CurrentState}}").contains("Running"));
            assertTrue(docker.stacks().deployedNames().contains(name));
            assertEquals(4, stack.services().size());
            assertTrue(stack.ps().size() >= 5, stack.ps().toString());

            // the same file again: nothing changes
            Map<String, Long> versions = versions(stack);
            docker.stacks().deploy(StackSpec.fromCompose(file).projectName(name));
            assertEquals(versions, versions(stack), "an unchanged redeploy updates nothing");

            // one service changed: only it is updated
            Files.writeString(file, Files.readString(file).replace("replicas: 2", "replicas: 1"));
            docker.stacks().deploy(StackSpec.fromCompose(file).projectName(name)).awaitConverged(CONVERGE);
            Map<String, Long> after = versions(stack);
            for (String service : versions.keySet()) {
                if (service.endsWith("_web")) {
                    assertNotEquals(versions.get(service), after.get(service), "web was updated");
                } else {
                    assertEquals(versions.get(service), after.get(service), service + " untouched");
                }
            }
            assertEquals(1, stack.service("web").inspect().replicas());

            // the CLI removes it
            Cli.run("stack", "rm", name);
            assertThrows(NotFoundException.class, () -> docker.stacks().deployed(name));
            assertFalse(docker.stacks().deployedNames().contains(name));
        } finally {
            StackFixtures.removeStack(docker, name);
        }
    }

    @Test
    void berthSeesAndRemovesAStackTheCliDeployed(@TempDir Path dir) {
        Path file = StackFixtures.copy("seed", dir);
        String name = unique("cli");
        try {
            Cli.run("stack", "deploy", "--detach=true", "-c", file.toString(), name);
            DeployedStack stack = docker.stacks().deployed(name).awaitConverged(CONVERGE);
            assertEquals(List.of(name + "_cache", name + "_web"), stack.services().stream().map(ServiceInfo::name)
                    .toList());
            ServiceInfo web = stack.services().get(1);
            assertEquals(2, web.running());
            assertEquals(2, web.desired());
            // the routing mesh cannot be reached here (no IP forwarding): its spec is checked instead
            ServicePort ingress = web.ports().get(0);
            assertFalse(ingress.hostMode());
            assertEquals(80, ingress.target());
            assertTrue(ingress.published() >= 30000, "the engine chose a routing-mesh port: " + ingress);
            assertEquals(3, stack.ps().stream().filter(TaskInfo::isRunning).count());

            stack.remove();
            assertEquals("", Cli.run("stack", "ls", "--format", "{{.Name}}").lines()
                    .filter(n -> n.equals(name)).collect(Collectors.joining()));
            assertEquals(List.of(), docker.networks().list(Filter.none().label("com.docker.stack.namespace", name)));
        } finally {
            StackFixtures.removeStack(docker, name);
        }
    }

    @Test
    void aBadFileIsRefusedBeforeAnythingIsCreated(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("docker-compose.yml"), """
                services:
                  web:
                    image: nginx:1.22
                    deploy:
                      mode: global
                      replicas: 2
                """);
        String name = unique("bad");
        var e = assertThrows(InvalidSpecException.class,
                () -> docker.stacks().deploy(StackSpec.fromCompose(file).projectName(name)));
        assertTrue(e.getMessage().contains("services.web.deploy.replicas"), e.getMessage());
        assertTrue(docker.networks().list(Filter.none().label("com.docker.stack.namespace", name)).isEmpty());
    }

    private static Map<String, Long> versions(DeployedStack stack) {
        return stack.services().stream().collect(Collectors.toMap(ServiceInfo::name, ServiceInfo::version));
    }
}
