package dev.berth.core;

import dev.berth.Stack;
import dev.berth.StackSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service container recreated by {@code up} (its configuration changed) gets the old container's anonymous
 * volumes, as Compose does ("Compose preserves all volumes used by your services"): redis' image declares
 * VOLUME /data. Before, the old volume was orphaned: no container, no label, not even {@code down -v} removed it
 * ({@link VolumeLeakWatch} reports such a volume after the class).
 */
class StackRecreateVolumesTest extends EngineTest {
    private static final String COMPOSE = """
            services:
              cache:
                image: redis:7
                environment: {MODE: %s}
            """;

    @Test
    void aRecreatedContainerKeepsItsAnonymousVolume(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("compose.yaml"), COMPOSE.formatted("one"));
        String project = "berth-recreate-" + UUID.randomUUID().toString().substring(0, 8);
        Stack stack = docker.stacks().up(StackSpec.fromCompose(file).projectName(project));
        try {
            var first = stack.service("cache");
            String volume = first.inspect().settings().mounts().get(0).name();
            first.exec("sh", "-c", "echo kept > /data/marker");
            Files.writeString(file, COMPOSE.formatted("two"));
            docker.stacks().up(StackSpec.fromCompose(file).projectName(project));
            var second = stack.service("cache");
            assertNotEquals(first.id(), second.id(), "recreated");
            assertEquals(volume, second.inspect().settings().mounts().get(0).name(), "the same /data volume");
            assertEquals("kept", second.exec("cat", "/data/marker").stdout().strip());
            stack.downRemovingVolumes();
            assertTrue(docker.volumes().find(volume).isEmpty(), "down -v removed it with the container");
        } finally {
            stack.downRemovingVolumes();
        }
    }
}
