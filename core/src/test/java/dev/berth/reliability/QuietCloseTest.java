package dev.berth.reliability;

import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.Docker;
import dev.berth.EventFilter;
import dev.berth.LogFollow;
import dev.berth.Wait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Berth closing its own streams is normal operation, not an error: a wait that holds at once closes its {@code /wait}
 * long-poll (docker-java's callback template logged that at ERROR as "Error during callback
 * AsynchronousCloseException"), closing a log follow or an events stream ends theirs, and {@code Docker.close()} ends
 * whatever is still open. A child JVM logs at INFO (slf4j-simple, every logger, to a file) while it does each; the
 * file must hold no ERROR and no WARN.
 */
@org.junit.jupiter.api.extension.ExtendWith(dev.berth.core.VolumeLeakWatch.class)
class QuietCloseTest {
    @TempDir
    Path dir;

    public static final class Workload {
        public static void main(String[] args) throws Exception {
            Docker docker = Docker.connect();
            Container c = docker.containers().run(ContainerSpec.of("busybox:1.36")
                    .command("sh", "-c", "echo ready-" + args[0] + "; exec sleep 60"));
            try {
                for (int i = 0; i < 20; i++) {
                    // holds at once: the exit long-poll opened for the wait is closed by Berth right away
                    c.waitFor(Wait.log("ready-" + args[0]).timeout(Duration.ofSeconds(30)));
                    try (LogFollow follow = c.logs().follow(line -> { })) {
                        // closed by us while the engine still streams
                    }
                    docker.system().events(EventFilter.all().container(c.id()), e -> { }).close();
                }
                // left open: Docker.close() ends them (and the exit long-poll of a wait still running)
                docker.system().events(EventFilter.all().container(c.id()), e -> { });
                c.logs().follow(line -> { });
                Thread waiting = new Thread(() -> {
                    try {
                        c.waitFor(Wait.exited().timeout(Duration.ofSeconds(50)));
                    } catch (dev.berth.DockerException expected) {
                        // DockerClosedException: the connection was closed under it
                    }
                });
                waiting.start();
                Thread.sleep(500);
                docker.close();
                waiting.join(10_000);
            } finally {
                docker.close();
                try (Docker other = Docker.connect()) {
                    other.containers().get(c.id()).close();
                }
            }
            System.out.println("DONE");
        }
    }

    @Test
    void closingItsOwnStreamsLogsNoErrorOrWarning() throws Exception {
        Path log = dir.resolve("info.log");
        try (ChildJvm child = ChildJvm.start(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.logFile=" + log), Workload.class, UUID.randomUUID().toString())) {
            assertEquals(0, child.awaitExit(Duration.ofMinutes(2)), child::output);
            assertTrue(child.output().contains("DONE"), child.output());
        }
        String logged = Files.exists(log) ? Files.readString(log) : "";
        assertFalse(logged.contains("ERROR") || logged.contains("WARN"), logged);
        assertFalse(logged.contains("AsynchronousCloseException"), logged);
    }
}
