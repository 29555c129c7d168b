package dev.berth.core.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.Docker;
import dev.berth.DockerSettings;
import dev.berth.Filter;
import dev.berth.NodeInfo;
import dev.berth.Service;
import dev.berth.ServiceSpec;
import dev.berth.TaskInfo;
import dev.berth.core.TestImages;
import dev.berth.core.internal.engine.HostEngineLock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The distributed case on one machine: this engine is the manager, a second engine in a network namespace the test
 * makes joins as a worker over a veth pair; a 2-replica service lands on both nodes, and draining the worker moves
 * its task to the manager. Everything is removed again: the service, both swarm memberships, the second daemon,
 * its namespace, veth and data root.
 */
class MultiNodeSwarmTest {
    static final Duration CONVERGE = Duration.ofSeconds(120);

    @Test
    void aWorkerInANetworkNamespaceJoinsTakesATaskAndDrainingMovesIt() throws Exception {
        try (HostEngineLock.Held ports = HostEngineLock.forSwarmPorts().exclusive(Duration.ofMinutes(20));
             HostEngineLock.Held lock = HostEngineLock.forCurrentEngine().exclusive(Duration.ofMinutes(20));
             Docker manager = Docker.connect();
             SecondEngine node = new SecondEngine()) {
            if (manager.swarm().isActive()) {
                throw new IllegalStateException("The engine is already in a swarm these tests did not make.");
            }
            boolean hadBridge = manager.networks().list(Filter.none().name("docker_gwbridge")).stream()
                    .anyMatch(n -> n.name().equals("docker_gwbridge"));
            node.start();
            try (Docker worker = Docker.connect(DockerSettings.defaults().host(node.socket()))) {
                // the worker has no route to a registry: it gets the image from the manager's engine
                ByteArrayOutputStream image = new ByteArrayOutputStream();
                manager.images().save(image, TestImages.BUSYBOX);
                worker.images().load(new ByteArrayInputStream(image.toByteArray()));

                manager.swarm().init(node.hostIp());
                try {
                    worker.swarm().join(node.hostIp(), manager.swarm().joinTokens().worker().reveal(),
                            node.engineIp());
                    List<NodeInfo> nodes = awaitNodes(manager, 2);
                    NodeInfo workerNode = nodes.stream().filter(n -> n.role() == NodeInfo.Role.WORKER).findFirst()
                            .orElseThrow(() -> new AssertionError("no worker among " + nodes));
                    assertEquals(node.engineIp(), workerNode.address());

                    try (Service service = manager.swarm().services().create(ServiceSpec.of(
                            SwarmEngineTest.unique("berth-spread-"), TestImages.BUSYBOX).replicas(2)
                            .command(ServicesTest.IDLE).resolveImage(false))) {
                        service.awaitConverged(CONVERGE);
                        Set<String> nodesRunning = running(service).stream().map(TaskInfo::nodeId)
                                .collect(Collectors.toSet());
                        assertEquals(2, nodesRunning.size(), "one task on each node: " + service.tasks());
                        assertTrue(nodesRunning.contains(workerNode.id()));

                        manager.swarm().availability(workerNode.id(), NodeInfo.Availability.DRAIN);
                        awaitAllOn(service, nodes.stream().filter(n -> n.role() == NodeInfo.Role.MANAGER)
                                .findFirst().orElseThrow().id());
                        service.awaitConverged(CONVERGE);
                        assertEquals(2, running(service).size());
                        assertFalse(running(service).stream().anyMatch(t -> t.nodeId().equals(workerNode.id())),
                                "draining moved the worker's task: " + service.tasks());
                    }
                    worker.swarm().leave(); // a worker needs no force
                } finally {
                    SwarmEngineTest.leaveWithoutLeftovers(manager, hadBridge ? Set.of("docker_gwbridge")
                            : Set.of());
                }
            }
            node.close();
            assertFalse(node.namespaceExists(), "network namespace removed");
            assertFalse(node.hostSideExists(), "veth removed");
            assertFalse(manager.swarm().isActive());
        }
    }

    private static List<NodeInfo> awaitNodes(Docker manager, int count) {
        for (int i = 0; i < 300; i++) {
            List<NodeInfo> nodes = manager.swarm().nodes();
            if (nodes.size() == count && nodes.stream().allMatch(n -> n.state().equals("ready"))) {
                return nodes;
            }
            SwarmEngineTest.sleep(100);
        }
        throw new AssertionError("nodes not ready: " + manager.swarm().nodes());
    }

    private static void awaitAllOn(Service service, String nodeId) {
        for (int i = 0; i < 600; i++) {
            List<TaskInfo> running = running(service);
            if (running.size() == 2 && running.stream().allMatch(t -> t.nodeId().equals(nodeId))) {
                return;
            }
            SwarmEngineTest.sleep(100);
        }
        throw new AssertionError("tasks did not move to the manager: " + service.tasks());
    }

    private static List<TaskInfo> running(Service service) {
        return ServicesTest.running(service);
    }
}
