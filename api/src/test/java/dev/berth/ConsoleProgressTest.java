package dev.berth;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleProgressTest {
    @Test
    void barRedrawsOneLineAndEndsItWhenTheOperationEnds() {
        var bytes = new ByteArrayOutputStream();
        var bar = ProgressListener.bar("pull redis:7", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        bar.onProgress(new Progress("a", "Downloading", 50, 100, 50, 200));
        for (int i = 51; i <= 100; i++) {
            bar.onProgress(new Progress("a", "Downloading", i, 100, 100 + i, 200));
        }
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.startsWith("\rpull redis:7 [######                  ]  25% of 0.0 MB  a: Downloading"), drawn);
        assertFalse(drawn.contains("\n"), "a bar, not a scroll of lines");
        bar.finished();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith("[########################] 100% of 0.0 MB  a: Downloading\n"), text);
        assertTrue(text.chars().filter(c -> c == '\r').count() < 51, "redraws are limited to ten a second");
    }

    @Test
    void barShowsEveryBuildStepAndNotTheStepsOutput() {
        var bytes = new ByteArrayOutputStream();
        var bar = ProgressListener.bar("build app", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        bar.onProgress(new Progress("build", "Step 1/2 : FROM busybox", 0, 0, 0, 0));
        bar.onProgress(new Progress("build", "Step 2/2 : RUN echo hi", 0, 0, 0, 0));
        bar.onProgress(new Progress("build", "hi", 0, 0, 0, 0));
        bar.onProgress(new Progress("build", "Successfully built 0123", 0, 0, 0, 0));
        bar.finished();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("\rbuild app [                        ] step 1/2: FROM busybox"), text);
        assertTrue(text.contains("\rbuild app [############            ] step 2/2: RUN echo hi"), text);
        assertFalse(text.contains("] hi"), text);
        assertTrue(text.endsWith("Successfully built 0123\n"), text);
    }

    @Test
    void linesSayEachStepOnceAndLeaveOutByteUpdates() {
        List<String> lines = new ArrayList<>();
        var listener = ProgressListener.lines("pull x", lines::add);
        listener.onProgress(new Progress(null, "Pulling from library/x", 0, 0, 0, 0));
        listener.onProgress(new Progress("l1", "Pulling fs layer", 0, 0, 0, 0));
        for (int i = 0; i <= 1000; i++) {
            listener.onProgress(new Progress("l1", "Downloading", i, 1000, i, 2_000_000));
        }
        listener.onProgress(new Progress("l1", "Verifying Checksum", 0, 0, 1000, 2_000_000));
        listener.onProgress(new Progress("l1", "Pull complete", 0, 0, 1_000_000, 2_000_000));
        listener.onProgress(new Progress(null, "Status: Downloaded newer image for x", 0, 0, 2_000_000, 2_000_000));
        listener.finished();
        assertEquals(List.of("pull x: Pulling from library/x", "pull x: l1: Pull complete (50% of 2.0 MB)",
                "pull x: Status: Downloaded newer image for x"), lines);
    }

    @Test
    void linesOfABuildAreItsSteps() {
        List<String> lines = new ArrayList<>();
        var listener = ProgressListener.lines("build app", lines::add);
        listener.onProgress(new Progress("build", "Step 1/1 : RUN echo hi", 0, 0, 0, 0));
        listener.onProgress(new Progress("build", "hi", 0, 0, 0, 0));
        listener.onProgress(new Progress("build", "Successfully tagged app:latest", 0, 0, 0, 0));
        assertEquals(List.of("build app: Step 1/1 : RUN echo hi", "build app: Successfully tagged app:latest"), lines);
    }

    @Test
    void thePropertyOverridesTheTerminalCheck() {
        String before = System.getProperty(ConsoleProgress.MODE_PROPERTY);
        try {
            System.setProperty(ConsoleProgress.MODE_PROPERTY, "bar");
            assertTrue(ConsoleProgress.terminalAttached());
            System.setProperty(ConsoleProgress.MODE_PROPERTY, "lines");
            assertFalse(ConsoleProgress.terminalAttached());
            System.clearProperty(ConsoleProgress.MODE_PROPERTY);
            // surefire runs tests with pipes, not a terminal, and not in jshell
            assertFalse(ConsoleProgress.terminalAttached());
        } finally {
            if (before != null) {
                System.setProperty(ConsoleProgress.MODE_PROPERTY, before);
            }
        }
    }
}
