package dev.berth.core;

import dev.berth.BerthLabels;
import dev.berth.Container;
import dev.berth.ContainerFilter;
import dev.berth.ContainerSpec;
import dev.berth.ImageNotFoundException;
import dev.berth.InvalidImageReferenceException;
import dev.berth.InvalidSpecException;
import dev.berth.NameConflictException;
import dev.berth.PortInUseException;
import dev.berth.PullPolicy;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each bad input gets a typed error that names the value and the fix, and leaves nothing behind. */
class ErrorsTest extends EngineTest {
    private static int leftovers() {
        return docker.containers().list(ContainerFilter.all().label(BerthLabels.SESSION, docker.sessionId())).size();
    }

    @Test
    void unknownImageFailsFastNamingReferenceAndRegistry() {
        var e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(ImageNotFoundException.class,
                () -> docker.containers().run(ContainerSpec.of("berth-no-such-image:1"))));
        assertTrue(e.getMessage().contains("berth-no-such-image:1"), e.getMessage());
        assertTrue(e.getMessage().contains("docker.io"), e.getMessage());
        assertEquals("berth-no-such-image:1", e.reference());
        assertEquals(0, leftovers());
    }

    @Test
    void unknownTagOfAKnownImage() {
        var e = assertThrows(ImageNotFoundException.class,
                () -> docker.containers().run(ContainerSpec.of("busybox:berth-no-such-tag")));
        assertTrue(e.getMessage().contains("busybox:berth-no-such-tag"), e.getMessage());
    }

    @Test
    void pullPolicyNeverDoesNotPull() {
        var e = assertThrows(ImageNotFoundException.class, () -> docker.containers().run(
                ContainerSpec.of("berth-no-such-image:1").pull(PullPolicy.NEVER)));
        assertTrue(e.getMessage().contains("NEVER"), e.getMessage());
    }

    @Test
    void invalidReferenceIsRejectedBeforeAnyEngineCall() {
        long before = docker.requestCount();
        var e = assertThrows(InvalidImageReferenceException.class, () -> ContainerSpec.of("Busybox:latest"));
        assertTrue(e.getMessage().contains("lowercase"), e.getMessage());
        assertEquals(before, docker.requestCount());
    }

    @Test
    void nameConflictNamesTheHolder() {
        String name = "berth-conflict-" + UUID.randomUUID().toString().substring(0, 8);
        try (Container first = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX).name(name)
                .command("sleep", "300"))) {
            var e = assertThrows(NameConflictException.class, () -> docker.containers().run(
                    ContainerSpec.of(TestImages.BUSYBOX).name(name).command("sleep", "300")));
            assertEquals(name, e.name());
            assertTrue(first.id().startsWith(e.existingId()) || e.existingId().startsWith(first.id().substring(0, 12)),
                    e.getMessage());
            assertTrue(e.getMessage().contains("choose another name"), e.getMessage());
            assertEquals(1, leftovers());
        }
    }

    @Test
    void hostPortInUseRemovesTheHalfCreatedContainer() {
        int port = TestPorts.free();
        try (Container first = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX).publish(port, 80)
                .command("sleep", "300"))) {
            var e = assertThrows(PortInUseException.class, () -> docker.containers().run(
                    ContainerSpec.of(TestImages.BUSYBOX).publish(port, 80).command("sleep", "300")));
            assertEquals(port, e.hostPort());
            assertTrue(e.getMessage().contains("publish(containerPort)"), e.getMessage());
            assertEquals(1, leftovers(), "only the first container exists");
            first.stop(Duration.ZERO);
        }
    }

    @Test
    void hostPortHeldByAnotherProcess() throws Exception {
        try (var server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = server.getLocalPort();
            var e = assertThrows(PortInUseException.class, () -> docker.containers().run(
                    ContainerSpec.of(TestImages.BUSYBOX).publish(port, 80).command("sleep", "300")));
            assertEquals(port, e.hostPort());
            assertEquals(0, leftovers());
        }
    }

    /** A machine restored without its network devices: the bridge is gone, the engine still thinks it exists. */
    @Test
    void aBridgeDeviceGoneFromTheHostIsNamedWithTheFix() throws Exception {
        String device = "bb" + UUID.randomUUID().toString().substring(0, 8);
        try (var net = docker.networks().create(dev.berth.NetworkSpec.named("berth-gone-" + device)
                .option("com.docker.network.bridge.name", device))) {
            Process del = new ProcessBuilder("ip", "link", "del", device).redirectErrorStream(true).start();
            assertEquals(0, del.waitFor(), new String(del.getInputStream().readAllBytes()));
            var e = assertThrows(dev.berth.DockerException.class, () -> docker.containers().run(
                    ContainerSpec.of(TestImages.BUSYBOX).network(net.name()).command("sleep", "300")));
            assertTrue(e.getMessage().contains("bridge " + device + " no longer exists"), e.getMessage());
            assertTrue(e.getMessage().contains("Fix: restart the Docker engine"), e.getMessage());
            assertEquals(0, leftovers(), "the half-created container is removed");
        }
    }

    @Test
    void invalidPortsAreRejectedBeforeTheEngine() {
        long before = docker.requestCount();
        assertThrows(InvalidSpecException.class, () -> ContainerSpec.of(TestImages.BUSYBOX).publish(0, 80));
        assertThrows(InvalidSpecException.class, () -> ContainerSpec.of(TestImages.BUSYBOX).publish(70000, 80));
        assertEquals(before, docker.requestCount());
    }

    @Test
    void invalidMemoryIsRejectedLocallyAndTooManyCpusByTheEngine() {
        assertThrows(InvalidSpecException.class, () -> ContainerSpec.of(TestImages.BUSYBOX).memory("lots"));
        assertThrows(InvalidSpecException.class, () -> ContainerSpec.of(TestImages.BUSYBOX).memory("1m"));
        int cpus = docker.info().cpus();
        var e = assertThrows(InvalidSpecException.class, () -> docker.containers().run(
                ContainerSpec.of(TestImages.BUSYBOX).cpus(cpus + 62).command("sleep", "300")));
        assertTrue(e.getMessage().contains("CPU"), e.getMessage());
        assertEquals(0, leftovers());
    }

    @Test
    void missingCommandIsAnInvalidSpecAndLeavesNothing() {
        var e = assertThrows(InvalidSpecException.class, () -> docker.containers().run(
                ContainerSpec.of(TestImages.BUSYBOX).command("/no/such/binary")));
        assertTrue(e.getMessage().contains("/no/such/binary"), e.getMessage());
        assertEquals(0, leftovers());
    }

    @Test
    void unknownCapabilityIsNamed() {
        var e = assertThrows(InvalidSpecException.class, () -> docker.containers().run(
                ContainerSpec.of(TestImages.BUSYBOX).capAdd("FLY")));
        assertTrue(e.getMessage().contains("FLY"), e.getMessage());
        assertEquals(0, leftovers());
    }
}
