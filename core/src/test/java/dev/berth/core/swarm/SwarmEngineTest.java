package dev.berth.core.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.berth.ContainerFilter;
import dev.berth.Docker;
import dev.berth.DockerException;
import dev.berth.Filter;
import dev.berth.core.VolumeLeakWatch;
import dev.berth.core.internal.engine.HostEngineLock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base for tests that make the engine a one-node swarm manager. Holds the host-wide engine lock exclusively (every
 * {@code EngineTest} holds it shared), refuses to touch an engine that already is in a swarm (someone else's), and
 * leaves it as found: out of swarm mode, with no {@code docker_gwbridge} or {@code ingress} network it did not have.
 */
@ExtendWith(VolumeLeakWatch.class)
public abstract class SwarmEngineTest {
    protected static Docker docker;
    private static HostEngineLock.Held portsLock;
    private static HostEngineLock.Held lock;
    private static Set<String> networksBefore;

    @BeforeAll
    static void becomeSwarmManager() {
        portsLock = HostEngineLock.forSwarmPorts().exclusive(Duration.ofMinutes(20));
        try {
            lock = HostEngineLock.forCurrentEngine().exclusive(Duration.ofMinutes(20));
        } catch (RuntimeException e) {
            portsLock.close();
            throw e;
        }
        try {
            docker = Docker.connect();
            if (docker.swarm().isActive()) {
                throw new IllegalStateException("The engine " + docker.endpoint() + " is already in a swarm, which"
                        + " these tests did not make: they will not leave someone else's swarm. Run them when"
                        + " `docker info --format {{.Swarm.LocalNodeState}}` says inactive.");
            }
            networksBefore = networkNames();
            // the swarm is this JVM's (an engine already in one is refused above): so are its tasks' volumes
            VolumeLeakWatch.claimSwarmNode(docker.swarm().init("127.0.0.1").nodeId());
        } catch (RuntimeException | Error e) {
            release();
            throw e;
        }
    }

    @AfterAll
    static void leaveSwarmAsFound() {
        try {
            leaveWithoutLeftovers(docker, networksBefore);
            assertFalse(docker.swarm().isActive(), "still in swarm mode");
            assertEquals(swarmNetworks(networksBefore), swarmNetworks(networkNames()),
                    "swarm networks after leaving the swarm");
            for (int i = 0; i < 150 && !docker.containers().list(ContainerFilter.all()
                    .label("com.docker.swarm.service.id")).isEmpty(); i++) {
                sleep(200); // leaving stops the tasks; their containers go shortly after
            }
            assertEquals(List.of(), docker.containers().list(ContainerFilter.all().label("com.docker.swarm.service.id"))
                    .stream().map(c -> c.name() + " " + c.labels().get("com.docker.swarm.service.name")).toList(),
                    "swarm task containers left behind");
        } finally {
            release();
        }
    }

    /**
     * Leaves the swarm and removes the networks swarm mode made that were not there before. Leaving leaves
     * {@code docker_gwbridge} behind (the CLI's `swarm leave` too). 20.10 sometimes also keeps {@code ingress}, which
     * a node outside a swarm may not remove ("not a swarm manager") and which holds an endpoint on the bridge: then
     * the node joins once more and leaves again, which removes it.
     */
    static void leaveWithoutLeftovers(Docker docker, Set<String> before) {
        for (int attempt = 0; ; attempt++) {
            docker.swarm().forceLeave();
            if (before.contains("ingress") || awaitGone(docker, "ingress", Duration.ofSeconds(20))) {
                break;
            }
            if (attempt == 2) {
                throw new IllegalStateException("ingress network still there after leaving the swarm 3 times");
            }
            docker.swarm().init("127.0.0.1");
            sleep(3000); // let the ingress sandbox settle before leaving again
        }
        if (!before.contains("docker_gwbridge")) {
            removeNetworkWhenFree(docker, "docker_gwbridge");
        }
    }

    private static boolean awaitGone(Docker docker, String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (docker.networks().list(Filter.none().name(name)).stream().noneMatch(n -> n.name().equals(name))) {
                return true;
            }
            sleep(200);
        }
        return false;
    }

    static void removeNetworkWhenFree(String name) {
        removeNetworkWhenFree(docker, name);
    }

    static void removeNetworkWhenFree(Docker docker, String name) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                docker.networks().list(Filter.none().name(name)).stream().filter(n -> n.name().equals(name))
                        .forEach(n -> docker.networks().get(n.id()).remove());
                return;
            } catch (DockerException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(200);
            }
        }
    }

    private static void release() {
        try {
            if (docker != null) {
                docker.close();
            }
        } finally {
            try {
                lock.close();
            } finally {
                portsLock.close();
            }
        }
    }

    /** The networks swarm mode makes for itself (others' tests make and remove networks meanwhile). */
    private static Set<String> swarmNetworks(Set<String> names) {
        return names.stream().filter(n -> n.equals("docker_gwbridge") || n.equals("ingress"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> networkNames() {
        return docker.networks().list(Filter.none()).stream().map(n -> n.name())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String unique(String prefix) {
        return prefix + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
