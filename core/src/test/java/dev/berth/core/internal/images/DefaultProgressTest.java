package dev.berth.core.internal.images;

import dev.berth.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefaultProgressTest {
    @Test
    void terminalBarRedrawsOneLine() {
        var bytes = new ByteArrayOutputStream();
        var bar = DefaultProgress.terminal("pull", "redis:7", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        bar.onProgress(new Progress("a", "Downloading", 50, 100, 50, 200));
        bar.onProgress(new Progress("a", "Downloading", 100, 100, 200, 200));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(2, text.chars().filter(c -> c == '\r').count());
        assertTrue(text.contains(" 25% of"), text);
        assertTrue(text.contains("100% of"), text);
        assertTrue(!text.contains("\n"), "a bar, not a scroll of lines");
    }

    @Test
    void logReporterWritesAFewLinesNotHundreds() {
        var lines = new java.util.ArrayList<String>();
        var listener = DefaultProgress.log("pull", "x", lines::add);
        for (int i = 0; i <= 1000; i++) {
            listener.onProgress(new Progress("l", "Downloading", i, 1000, i, 1000));
        }
        listener.onProgress(new Progress("l", "Verifying Checksum", 0, 0, 1000, 1000));
        assertEquals(5, lines.size(), lines.toString());
        assertEquals("pull x: 0% of 0.0 MB", lines.get(0));
        assertEquals("pull x: 100% of 0.0 MB", lines.get(4));
    }
}
