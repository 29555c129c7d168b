package dev.berth.core.internal.engine;

import dev.berth.BuildContext;
import dev.berth.Docker;
import dev.berth.DockerException;
import dev.berth.DockerSettings;
import dev.berth.Dockerfile;
import dev.berth.core.internal.transport.EngineDialer;
import dev.berth.core.internal.transport.HijackedStream;
import dev.berth.core.internal.transport.SocketTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Berth's own socket requests (build, exec and attach with stdin) pass the same layers as docker-java's: they are
 * counted, and a hung engine fails them at the request deadline instead of hanging the caller.
 */
class SocketDeadlineTest {
    @TempDir
    Path dir;

    @Test
    void aBuildAgainstAHungEngineFailsAtTheDeadlineAndIsCounted() throws Exception {
        Path socket = dir.resolve("hung.sock");
        try (FakeEngine engine = FakeEngine.start(socket,
                path -> path.equals("/_ping") ? FakeEngine.ok("OK", "1.41") : null);
             Docker docker = Docker.connect(DockerSettings.defaults().host("unix://" + socket)
                     .requestTimeout(Duration.ofMillis(500)))) {
            long before = docker.requestCount();
            var e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(DockerException.class,
                    () -> docker.images().build(Dockerfile.from("busybox").cmd("true"), BuildContext.empty())));
            assertTrue(e.getMessage().contains("no data from the engine within 500 ms"), e.getMessage());
            assertEquals(before + 1, docker.requestCount(), "the build request is counted like any other");
        }
    }

    @Test
    void anUpgradeTheEngineNeverAnswersFailsAtTheDeadline() throws Exception {
        Path socket = dir.resolve("silent.sock");
        AtomicLong requests = new AtomicLong();
        try (FakeEngine engine = FakeEngine.start(socket, path -> null)) {
            SocketTransport sockets = new SocketTransport(new EngineDialer("unix://" + socket, null), requests,
                    Duration.ofMillis(300));
            sockets.pin("1.41");
            var e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(DockerException.class,
                    () -> HijackedStream.post(sockets, "/exec/0123456789ab/start", "{}")));
            assertTrue(e.getMessage().contains("requestTimeout"), e.getMessage());
            assertEquals(1, requests.get());
        }
    }
}
