package dev.berth.core;

import dev.berth.BerthLabels;
import dev.berth.Container;
import dev.berth.ContainerFilter;
import dev.berth.ContainerNotFoundException;
import dev.berth.ContainerSpec;
import dev.berth.ContainerStatus;
import dev.berth.ContainerSummary;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LifecycleTest extends EngineTest {
    private static ContainerSpec sleeper() {
        return ContainerSpec.of(TestImages.BUSYBOX).command("sleep", "300").stopTimeout(Duration.ofSeconds(1));
    }

    @Test
    void createStartStopRestartPauseUnpauseKillRemove() {
        String name = "berth-life-" + UUID.randomUUID().toString().substring(0, 8);
        Container c = docker.containers().create(sleeper().name(name));
        try {
            assertEquals(ContainerStatus.CREATED, c.inspect().status());
            assertEquals(name, c.name());
            c.start();
            var running = c.inspect();
            assertEquals(ContainerStatus.RUNNING, running.status());
            assertNotNull(running.startedAt());
            assertNull(running.finishedAt());
            assertTrue(running.ipAddress("bridge") != null, running.toString());
            c.start(); // already running: no error

            c.pause();
            assertEquals(ContainerStatus.PAUSED, c.inspect().status());
            c.unpause();
            assertEquals(ContainerStatus.RUNNING, c.inspect().status());

            c.stop(Duration.ofSeconds(1));
            var stopped = c.inspect();
            assertEquals(ContainerStatus.EXITED, stopped.status());
            assertNotNull(stopped.finishedAt());
            c.stop(); // already stopped: no error

            c.restart();
            assertEquals(ContainerStatus.RUNNING, c.inspect().status());
            c.kill();
            assertEquals(137, c.inspect().exitCode());

            String renamed = name + "-renamed";
            c.rename(renamed);
            assertEquals(renamed, c.inspect().name());
            assertEquals(c.id(), docker.containers().get(renamed).id());

            c.remove();
            assertThrows(ContainerNotFoundException.class, c::inspect);
        } finally {
            c.close();
        }
        c.close(); // idempotent
    }

    @Test
    void killDeliversTheSignalAsked() {
        try (Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX)
                .command("sh", "-c", "trap 'exit 42' HUP; echo armed; while true; do sleep 0.05; done")
                .waitFor(dev.berth.Wait.log("armed")))) {
            c.kill("HUP");
            awaitStatus(c, ContainerStatus.EXITED);
            assertEquals(42, c.inspect().exitCode());
        }
    }

    @Test
    void removeRefusesARunningContainerUnlessForced() {
        try (Container c = docker.containers().run(sleeper())) {
            var e = assertThrows(dev.berth.ConflictException.class, c::remove);
            assertTrue(e.getMessage().contains("ContainerRemoval.forced()"), e.getMessage());
            c.remove(dev.berth.ContainerRemoval.forced().withVolumes());
            assertTrue(docker.containers().find(c.id()).isEmpty());
        }
    }

    @Test
    void listGetAndFilters() {
        String tag = UUID.randomUUID().toString();
        try (Container a = docker.containers().run(sleeper().label("berth.test", tag).label("role", "a"));
             Container b = docker.containers().create(sleeper().label("berth.test", tag).label("role", "b"))) {
            var running = docker.containers().list(ContainerFilter.running().label("berth.test", tag));
            assertEquals(1, running.size());
            assertEquals(a.id(), running.get(0).id());
            var all = docker.containers().list(ContainerFilter.all().label("berth.test", tag));
            assertEquals(2, all.size());
            var onlyB = docker.containers().list(ContainerFilter.all().label("berth.test", tag).label("role", "b"));
            assertEquals(b.id(), onlyB.get(0).id());
            var created = docker.containers().list(ContainerFilter.running().label("berth.test", tag)
                    .status(ContainerStatus.CREATED));
            assertEquals(b.id(), created.get(0).id());
            var byName = docker.containers().list(ContainerFilter.all().name(a.name()));
            assertTrue(byName.stream().anyMatch(s -> s.id().equals(a.id())));
            var byAncestor = docker.containers().list(ContainerFilter.all().label("berth.test", tag)
                    .ancestor(TestImages.BUSYBOX));
            assertEquals(2, byAncestor.size());
            ContainerSummary row = all.get(0);
            assertEquals("true", row.labels().get(BerthLabels.MANAGED));
            assertEquals(docker.sessionId(), row.labels().get(BerthLabels.SESSION));
            assertTrue(row.toString().contains(row.name()));
            assertTrue(docker.containers().list().stream().anyMatch(s -> s.id().equals(a.id())));
            assertEquals(a.id(), docker.containers().get(a.id().substring(0, 12)).id());
        }
    }

    @Test
    void missingContainerIsTyped() {
        var e = assertThrows(ContainerNotFoundException.class, () -> docker.containers().get("berth-no-such-container"));
        assertTrue(e.getMessage().contains("berth-no-such-container"));
        assertTrue(e.getMessage().contains("ContainerFilter.all()"), e.getMessage());
        assertFalse(docker.containers().find("berth-no-such-container").isPresent());
    }

    @Test
    void closeOnAnAlreadyRemovedContainerIsQuiet() {
        Container c = docker.containers().run(sleeper());
        c.close();
        c.close();
        assertThrows(ContainerNotFoundException.class, c::start);
        assertThrows(ContainerNotFoundException.class, c::stop);
    }

    static void awaitStatus(Container c, ContainerStatus status) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (c.inspect().status() != status) {
            if (System.nanoTime() > end) {
                throw new AssertionError("never reached " + status + ": " + c.inspect());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
