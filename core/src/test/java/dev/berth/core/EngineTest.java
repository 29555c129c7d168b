package dev.berth.core;

import dev.berth.BerthLabels;
import dev.berth.ContainerFilter;
import dev.berth.Docker;
import dev.berth.core.internal.engine.HostEngineLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Base for tests on the real engine: one connection per class, and a check at the end that the class left no
 * container of this session behind, and ({@link VolumeLeakWatch}) no volume its containers used.
 */
@ExtendWith(VolumeLeakWatch.class)
public abstract class EngineTest {
    protected static Docker docker;
    private static HostEngineLock.Held engineLock;

    @BeforeAll
    static void connect() {
        // Shared with every other engine test on this host; swarm tests take it exclusively.
        engineLock = HostEngineLock.forCurrentEngine().shared(java.time.Duration.ofMinutes(15));
        docker = Docker.connect();
    }

    @AfterAll
    static void checkNothingLeftAndDisconnect() {
        try {
            var left = docker.containers().list(ContainerFilter.all().label(BerthLabels.SESSION, docker.sessionId()));
            left.forEach(c -> docker.containers().get(c.id()).close());
            assertEquals(java.util.List.of(), left, "containers left behind by this test class");
        } finally {
            docker.close();
            engineLock.close();
        }
    }
}
