package dev.berth.core;

import dev.berth.Container;
import dev.berth.ContainerRemoval;
import dev.berth.ContainerSpec;
import dev.berth.Docker;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The leak watch finds the anonymous volume of an image's VOLUME that a removal without -v leaves, and only that. */
class VolumeLeakWatchTest extends EngineTest {
    private static final String WITH_VOLUME = "redis:7"; // VOLUME /data

    @Test
    void findsTheAnonymousVolumeOfAContainerRemovedWithoutV() throws Exception {
        VolumeLeakWatch.Watch watch = new VolumeLeakWatch.Watch(Docker.connect());
        try {
            Container kept = docker.containers().run(ContainerSpec.of(WITH_VOLUME));
            String volume = kept.inspect().settings().mounts().get(0).name();
            kept.remove(ContainerRemoval.forced());
            Container removed = docker.containers().run(ContainerSpec.of(WITH_VOLUME));
            removed.close();

            Map<String, String> leaked = watch.leaked();
            assertEquals(java.util.Set.of(volume), leaked.keySet(), "the one removed without -v: " + leaked);
            assertTrue(leaked.get(volume).contains(WITH_VOLUME), leaked.toString());
            docker.volumes().get(volume).remove();
            assertEquals(Map.of(), watch.leaked(), "removed now");
        } finally {
            watch.close();
        }
    }
}
