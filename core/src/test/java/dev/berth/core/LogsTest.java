package dev.berth.core;

import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.LogFollow;
import dev.berth.LogLine;
import dev.berth.LogOptions;
import dev.berth.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogsTest extends EngineTest {
    @Test
    void snapshotTailStreamsAndTheUnterminatedLastLine() {
        try (Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX)
                .command("sh", "-c", "for i in 1 2 3 4 5; do echo out$i; done; echo err1 >&2; printf 'no-newline'")
                .waitFor(Wait.exited()))) {
            var all = c.logs().all();
            assertEquals(List.of("out1", "out2", "out3", "out4", "out5", "err1", "no-newline"),
                    sorted(all.texts()));
            assertTrue(all.stdout().endsWith("no-newline"), all.stdout());
            assertEquals("err1", all.stderr());
            assertEquals(2, c.logs().tail(2).lines().size());
            var outOnly = c.logs().fetch(LogOptions.all().stdoutOnly());
            assertTrue(outOnly.lines().stream().allMatch(l -> l.stream() == LogLine.Stream.STDOUT));
            assertEquals("err1", c.logs().fetch(LogOptions.all().stderrOnly()).text());
            var stamped = c.logs().fetch(LogOptions.all().withTimestamps().tail(1));
            assertNotNull(stamped.lines().get(0).timestamp());
            assertEquals(0, c.logs().fetch(LogOptions.all().since(Instant.now().plusSeconds(5))).lines().size());
        }
    }

    private static List<String> sorted(List<String> lines) {
        // stdout and stderr are separate pipes: their relative order is not guaranteed
        var out = new java.util.ArrayList<>(lines.stream().filter(l -> l.startsWith("out")).toList());
        out.addAll(lines.stream().filter(l -> l.startsWith("err")).toList());
        out.addAll(lines.stream().filter(l -> l.startsWith("no-")).toList());
        return out;
    }

    @Test
    void followDeliversNewLinesUntilClosed() throws Exception {
        try (Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX)
                .command("sh", "-c", "i=0; while true; do i=$((i+1)); echo tick$i; sleep 0.05; done"))) {
            List<String> seen = new CopyOnWriteArrayList<>();
            LogFollow follow = c.logs().follow(LogOptions.all(), line -> seen.add(line.text()));
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (seen.size() < 5 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertTrue(seen.size() >= 5, seen.toString());
            assertEquals("tick1", seen.get(0));
            follow.close();
            Thread.sleep(200);
            int afterClose = seen.size();
            Thread.sleep(300);
            assertEquals(afterClose, seen.size(), "no lines after close");
        }
    }

    @Test
    void followEndsWhenTheContainerStopsAndFlushesTheLastLine() {
        try (Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX)
                .command("sh", "-c", "echo first; sleep 0.5; printf last"))) {
            List<String> seen = new CopyOnWriteArrayList<>();
            try (LogFollow follow = c.logs().follow(LogOptions.all(), line -> seen.add(line.text()))) {
                follow.awaitEnd(Duration.ofSeconds(10));
            }
            assertEquals(List.of("first", "last"), seen);
        }
    }
}
