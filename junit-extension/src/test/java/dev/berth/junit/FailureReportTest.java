package dev.berth.junit;

import dev.berth.ContainerSpec;
import dev.berth.Wait;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A failing test's report names its containers and carries their logs; passing tests report nothing. */
class FailureReportTest {
    static final Set<String> IDS = ConcurrentHashMap.newKeySet();

    @DockerTest(logLines = 3)
    static class FailingSample {
        static final ManagedContainer CHATTY = ManagedContainer.of(ContainerSpec.of(TestSupport.BUSYBOX)
                .command("sh", "-c", "for i in 1 2 3 4 5; do echo line-$i; done; echo ready; exec sleep 300")
                .waitFor(Wait.log("ready")));
        static final ManagedContainer DEAD = ManagedContainer.of(ContainerSpec.of(TestSupport.BUSYBOX)
                .command("sh", "-c", "echo dying now; exit 3").waitFor(Wait.exited()));

        @Test
        void fails() {
            IDS.add(CHATTY.container().id());
            IDS.add(DEAD.container().id());
            fail("on purpose");
        }

        @Test
        void passes() {
        }
    }

    @Test
    void aFailedTestReportsNameImageStateExitCodeAndTheLastLogLines(@TempDir Path logDir) throws Exception {
        IDS.clear();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream original = System.err;
        EngineExecutionResults results;
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            results = TestSupport.run(Map.of(Settings.SAVE_LOGS, "true", Settings.LOG_DIR, logDir.toString()),
                    FailingSample.class);
        } finally {
            System.setErr(original);
        }
        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
        Map<String, String> entries = TestSupport.entriesOf(results, "fails");
        String chattyName = FailureReport.ENTRY_PREFIX + nameOf(entries, "line-5");
        String chatty = entries.get(chattyName);
        assertTrue(chatty.startsWith("image=" + TestSupport.BUSYBOX + " state=running exitCode=none"), chatty);
        assertTrue(chatty.contains("last 3 log lines:\nline-4\nline-5\nready"), chatty);
        assertFalse(chatty.contains("line-3"), "only the last 3 lines: " + chatty);
        String dead = entries.get(FailureReport.ENTRY_PREFIX + nameOf(entries, "dying now"));
        assertTrue(dead.startsWith("image=" + TestSupport.BUSYBOX + " state=exited exitCode=3"), dead);
        assertEquals(2, entries.size(), "one entry per container: " + entries.keySet());
        assertEquals(Map.of(), TestSupport.entriesOf(results, "passes"), "a passing test reports nothing");

        String printed = console.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("[berth] fails() in " + FailingSample.class.getName() + " failed"), printed);
        assertTrue(printed.contains("| line-5") && printed.contains("exitCode=3"), printed);

        Path dir = logDir.resolve(FailingSample.class.getName()).resolve("fails");
        String fullLog = Files.readString(dir.resolve(nameOf(entries, "line-5") + ".log"));
        assertTrue(fullLog.startsWith("line-1\nline-2"), "the whole log: " + fullLog);
        assertTrue(chatty.contains("full log: " + dir.toAbsolutePath()), chatty);
        TestSupport.assertGone(IDS);
    }

    private static String nameOf(Map<String, String> entries, String logText) {
        return entries.entrySet().stream().filter(e -> e.getValue().contains(logText)).findFirst()
                .map(e -> e.getKey().substring(FailureReport.ENTRY_PREFIX.length()))
                .orElseThrow(() -> new AssertionError("no entry with '" + logText + "' in " + entries));
    }

    static final AtomicInteger MARKERS = new AtomicInteger();
    static final CountDownLatch BOTH_RUNNING = new CountDownLatch(2);

    /** Two failing tests at once, each with its own container: each report carries its own container only. */
    @DockerTest
    static class ParallelSample {
        final int marker = MARKERS.incrementAndGet();
        final ManagedContainer own = ManagedContainer.of(ContainerSpec.of(TestSupport.BUSYBOX)
                .command("sh", "-c", "echo marker-" + marker + "; exec sleep 300").waitFor(Wait.log("marker-")));

        @Test
        void first() throws InterruptedException {
            failTogether();
        }

        @Test
        void second() throws InterruptedException {
            failTogether();
        }

        private void failTogether() throws InterruptedException {
            IDS.add(own.container().id());
            BOTH_RUNNING.countDown();
            assertTrue(BOTH_RUNNING.await(60, TimeUnit.SECONDS), "the two tests did not run side by side");
            fail("marker-" + marker);
        }
    }

    @Test
    void parallelFailuresEachReportTheirOwnContainers() {
        IDS.clear();
        EngineExecutionResults results = TestSupport.run(TestSupport.parallel(), ParallelSample.class);
        results.testEvents().assertStatistics(s -> s.failed(2));
        List<Event> failures = results.testEvents().failed().list();
        for (Event failure : failures) {
            String marker = TestSupport.failureMessage(failure);
            String method = failure.getTestDescriptor().getDisplayName().replace("()", "");
            Map<String, String> entries = TestSupport.entriesOf(results, method);
            assertEquals(1, entries.size(), method + ": " + entries);
            String text = entries.values().iterator().next();
            assertTrue(text.contains(marker), method + " failed with " + marker + " but reported " + text);
        }
        TestSupport.assertGone(IDS);
    }
}
