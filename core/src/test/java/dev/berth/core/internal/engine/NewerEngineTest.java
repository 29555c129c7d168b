package dev.berth.core.internal.engine;

import dev.berth.Docker;
import dev.berth.DockerSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Against an engine newer than Berth's tested version (1.51) Berth speaks its tested version, unless the engine's
 * minimum is above it; then it speaks the engine's minimum rather than nothing at all.
 */
class NewerEngineTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "Docker {0}: max {1}, min {2} -> {3}")
    @CsvSource({
            "29.0.0, 1.52, 1.44, 1.51", // Docker 29 raised its minimum to 1.44: still below what Berth speaks
            "31.0.0, 1.56, 1.53, 1.53"  // a future engine whose minimum passed Berth's tested version
    })
    void speaksTheTestedVersionOrTheEnginesMinimum(String engine, String max, String min, String expected)
            throws Exception {
        List<String> paths = new CopyOnWriteArrayList<>();
        Path socket = dir.resolve("docker.sock");
        try (FakeEngine fake = FakeEngine.start(socket, path -> {
            paths.add(path);
            return FakeEngine.ok(path.equals("/version")
                    ? "{\"Version\":\"" + engine + "\",\"ApiVersion\":\"" + max + "\",\"MinAPIVersion\":\"" + min
                    + "\",\"Os\":\"linux\"}"
                    : "OK", max);
        });
             Docker docker = Docker.connect(DockerSettings.defaults().host("unix://" + socket))) {
            assertEquals(expected, docker.endpoint().apiVersion());
            long before = docker.requestCount();
            assertEquals(engine, docker.version().engineVersion());
            assertEquals(expected, docker.version().negotiatedApiVersion());
            assertEquals(before, docker.requestCount(), "the /version read while connecting is reused");
        }
        // the background sweep of dead processes' leftovers has its own uncounted connection: not part of connecting
        assertEquals(List.of("/_ping", "/version"), paths.stream().filter(p -> !p.contains("dev.berth.owner")).toList());
    }
}
