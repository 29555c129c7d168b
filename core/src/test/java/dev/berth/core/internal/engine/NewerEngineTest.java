package dev.berth.core.internal.engine;

import dev.berth.Docker;
import dev.berth.DockerSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Against an engine newer than Berth's tested version whose minimum is above it (Docker 29: max 1.52, min 1.44),
 * Berth speaks the engine's minimum.
 */
class NewerEngineTest {
    @TempDir
    Path dir;

    @Test
    void pinsTheEnginesMinimumWhenItIsAboveTheTestedVersion() throws Exception {
        List<String> paths = new CopyOnWriteArrayList<>();
        Path socket = dir.resolve("docker29.sock");
        try (FakeEngine engine = FakeEngine.start(socket, path -> {
            paths.add(path);
            return FakeEngine.ok(path.equals("/version")
                    ? "{\"Version\":\"29.0.0\",\"ApiVersion\":\"1.52\",\"MinAPIVersion\":\"1.44\",\"Os\":\"linux\"}"
                    : "OK", "1.52");
        });
             Docker docker = Docker.connect(DockerSettings.defaults().host("unix://" + socket))) {
            assertEquals("1.44", docker.endpoint().apiVersion());
            long before = docker.requestCount();
            assertEquals("29.0.0", docker.version().engineVersion());
            assertEquals("1.44", docker.version().negotiatedApiVersion());
            assertEquals(before, docker.requestCount(), "the /version read while connecting is reused");
        }
        assertEquals(List.of("/_ping", "/version"), paths);
    }
}
