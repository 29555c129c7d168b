package dev.berth.core.internal.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.DeployedStack;
import dev.berth.DockerException;
import dev.berth.NotFoundException;
import dev.berth.Service;
import dev.berth.ServiceInfo;
import dev.berth.TaskInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A swarm stack: whatever carries {@code com.docker.stack.namespace=NAME}, whoever deployed it. */
final class EngineDeployedStack implements DeployedStack {
    private static final Duration NETWORK_RELEASE = Duration.ofSeconds(30);

    private final EngineSwarm swarm;
    private final SwarmCalls calls;
    private final String name;

    EngineDeployedStack(EngineSwarm swarm, String name) {
        this.swarm = swarm;
        this.calls = swarm.services().calls();
        this.name = name;
    }

    private Map<String, List<String>> label() {
        return Map.of("label", List.of(ComposeToSwarm.NAMESPACE + "=" + name));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ServiceInfo> services() {
        return swarm.services().list(label());
    }

    private List<EngineService> handles() {
        List<EngineService> handles = new ArrayList<>();
        swarm.services().listJson(label()).forEach(s -> handles.add(new EngineService(calls, s.path("ID").asText(),
                s.path("Spec").path("Name").asText())));
        return handles;
    }

    @Override
    public Service service(String composeName) {
        String scoped = name + "_" + composeName;
        return handles().stream().filter(s -> s.name().equals(scoped)).findFirst().orElseThrow(() ->
                new NotFoundException("Stack " + name + " has no service '" + composeName + "' (" + scoped + ")."
                        + " Its services: " + handles().stream().map(EngineService::name).toList()));
    }

    @Override
    public List<TaskInfo> ps() {
        List<String> ids = handles().stream().map(EngineService::id).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<TaskInfo> tasks = new ArrayList<>();
        calls.get("stack ps " + name, "/tasks?" + SwarmCalls.filters(Map.of("service", ids)))
                .forEach(t -> tasks.add(ServiceReader.task(t)));
        return tasks;
    }

    @Override
    public DeployedStack awaitConverged(Duration timeout) {
        new Convergence(calls, handles()).await(timeout);
        return this;
    }

    /**
     * Services first (their tasks stop), then secrets and configs (no longer in use) and networks, retried while
     * the last task containers still hold endpoints on them; returns when this node has none of them left. Each
     * round's requests go side by side.
     */
    @Override
    public void remove() {
        String what = "stack rm " + name;
        String byLabel = SwarmCalls.filters(label());
        List<EngineService> services = new ArrayList<>();
        List<JsonNode> secrets = new ArrayList<>();
        List<JsonNode> configs = new ArrayList<>();
        List<JsonNode> networks = new ArrayList<>();
        calls.together(what, List.of(() -> services.addAll(handles()),
                () -> calls.get("secret ls", "/secrets?" + byLabel).forEach(secrets::add),
                () -> calls.get("config ls", "/configs?" + byLabel).forEach(configs::add),
                () -> calls.get("network ls", "/networks?" + byLabel).forEach(networks::add)));
        calls.together(what, services.stream().<Runnable>map(s -> s::remove).toList());
        long deadline = System.nanoTime() + NETWORK_RELEASE.toNanos();
        List<Runnable> rest = new ArrayList<>();
        secrets.forEach(secret -> rest.add(() -> swarm.secrets().remove(secret.path("ID").asText())));
        configs.forEach(config -> rest.add(() -> swarm.configs().remove(config.path("ID").asText())));
        networks.forEach(network -> rest.add(() -> removeNetwork(network, deadline)));
        calls.together(what, rest);
        // the manager forgets the networks at once; this node drops its copies when the last task has stopped
        while (!calls.get("network ls", "/networks?" + byLabel).isEmpty() && System.nanoTime() < deadline) {
            pause();
        }
    }

    private void removeNetwork(JsonNode network, long deadline) {
        String id = network.path("Id").asText();
        while (true) {
            try {
                calls.delete("network rm " + network.path("Name").asText(), "/networks/" + id);
                return;
            } catch (NotFoundException gone) {
                return;
            } catch (DockerException inUse) {
                if (System.nanoTime() > deadline) {
                    throw inUse;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException("Interrupted while removing a stack", e);
        }
    }

    @Override
    public void close() {
        remove();
    }

    @Override
    public String toString() {
        return "DeployedStack " + name;
    }
}
