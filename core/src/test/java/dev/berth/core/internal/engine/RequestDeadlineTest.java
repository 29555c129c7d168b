package dev.berth.core.internal.engine;

import dev.berth.Docker;
import dev.berth.DockerException;
import dev.berth.DockerSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A hung engine must not hang the caller: a socket that answers /_ping and then never again stands in for it. */
class RequestDeadlineTest {
    @TempDir
    Path dir;

    @Test
    void shortCallsFailAtTheirDeadlineWithAClearMessage() throws Exception {
        Path socket = dir.resolve("hung.sock");
        try (FakeEngine engine = FakeEngine.start(socket,
                path -> path.equals("/_ping") ? FakeEngine.ok("OK", "1.41") : null);
             Docker docker = Docker.connect(DockerSettings.defaults().host("unix://" + socket)
                     .requestTimeout(Duration.ofMillis(500)))) {
            var e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(DockerException.class, () -> docker.containers().list()));
            assertTrue(e.getMessage().contains("no answer"), e.getMessage());
            assertTrue(e.getMessage().contains("requestTimeout"), e.getMessage());
        }
    }
}
