package dev.berth.core;

import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.PullPolicy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Engine calls per operation are part of the contract: a regression here costs every user time. */
class RequestCountTest extends EngineTest {
    private static final ContainerSpec SLEEPER = ContainerSpec.of(TestImages.BUSYBOX).command("sleep", "300");

    @Test
    void runAndCloseCostThreeRequests() {
        long before = docker.requestCount();
        Container c = docker.containers().run(SLEEPER);
        long afterRun = docker.requestCount();
        c.close();
        long afterClose = docker.requestCount();
        assertEquals(2, afterRun - before, "run = create + start");
        assertEquals(1, afterClose - afterRun, "close = one forced remove");
    }

    @Test
    void fixedHostPortNeedsNoInspect() {
        int port = TestPorts.free();
        try (Container c = docker.containers().run(SLEEPER.publish(port, 80))) {
            long before = docker.requestCount();
            assertEquals(port, c.hostPort(80));
            assertEquals(before, docker.requestCount());
        }
    }

    @Test
    void randomHostPortIsLookedUpOnce() {
        try (Container c = docker.containers().run(SLEEPER.publish(80))) {
            long before = docker.requestCount();
            c.hostPort(80);
            c.hostPort(80);
            assertEquals(1, docker.requestCount() - before);
        }
    }

    @Test
    void pullAlwaysAddsThePull() {
        long before = docker.requestCount();
        docker.containers().run(SLEEPER.pull(PullPolicy.ALWAYS)).close();
        assertEquals(4, docker.requestCount() - before, "pull + create + start + remove");
    }
}
