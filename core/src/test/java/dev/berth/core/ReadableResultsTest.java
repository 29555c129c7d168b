package dev.berth.core;

import dev.berth.Container;
import dev.berth.ContainerFilter;
import dev.berth.ContainerSpec;
import dev.berth.LogFollow;
import dev.berth.Wait;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What users print or follow reads like the docker CLI's answer, compared with the CLI where it exists. */
class ReadableResultsTest extends EngineTest {
    @Test
    void psRowShowsCommandAndPortsLikeDockerPs() throws Exception {
        try (Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX)
                .command("sleep", "300").publish(8125))) {
            var row = docker.containers().list(ContainerFilter.all().label("dev.berth.session", docker.sessionId()))
                    .stream().filter(s -> s.id().equals(c.id())).findFirst().orElseThrow();
            assertEquals("sleep 300", row.command());
            assertEquals(cli("ps", "--no-trunc", "--filter", "id=" + c.id(), "--format", "{{.Ports}}"), row.portsText());
            assertTrue(row.toString().contains("\"sleep 300\""), row.toString());
            assertTrue(row.toString().endsWith("127.0.0.1:" + c.hostPort(8125) + "->8125/tcp"), row.toString());
        }
    }

    @Test
    void followReplaysHistoryLikeDockerLogsFAndFollowNewDoesNot() throws Exception {
        try (Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX)
                .command("sh", "-c", "echo before; sleep 2; echo after; sleep 300")
                .waitFor(Wait.log("before")))) {
            List<String> all = new CopyOnWriteArrayList<>();
            List<String> fresh = new CopyOnWriteArrayList<>();
            try (LogFollow a = c.logs().follow(l -> all.add(l.text()));
                 LogFollow b = c.logs().followNew(l -> fresh.add(l.text()))) {
                long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while ((all.size() < 2 || fresh.isEmpty()) && System.nanoTime() < end) {
                    Thread.sleep(20);
                }
            }
            assertEquals(List.of("before", "after"), all);
            assertEquals(List.of("after"), fresh);
        }
    }

    @Test
    void execResultPrintsExitCodeAndCutsLongOutput() {
        try (Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX).command("sleep", "300"))) {
            var result = c.exec("sh", "-c", "seq 1 100; echo oops >&2; exit 4");
            String text = result.toString();
            assertTrue(text.startsWith("exit 4\nstdout:\n1\n2\n"), text);
            assertTrue(text.contains("\n20\n… (80 more lines)\nstderr: oops"), text);
            assertEquals(100, result.stdout().lines().count(), "the accessor keeps everything");
        }
    }

    private static String cli(String... args) throws Exception {
        var command = new java.util.ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
