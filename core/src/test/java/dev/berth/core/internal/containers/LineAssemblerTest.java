package dev.berth.core.internal.containers;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.berth.LogLine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineAssemblerTest {
    private static Frame frame(StreamType type, String text) {
        return new Frame(type, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void joinsSplitFramesPerStreamAndKeepsTheUnterminatedLastLine() {
        List<LogLine> lines = new ArrayList<>();
        LineAssembler assembler = new LineAssembler(false, lines::add);
        assembler.accept(frame(StreamType.STDOUT, "hel"));
        assembler.accept(frame(StreamType.STDERR, "oops\r\n"));
        assembler.accept(frame(StreamType.STDOUT, "lo\nwor"));
        assembler.accept(frame(StreamType.STDOUT, "ld"));
        assembler.flush();
        assertEquals(List.of("oops", "hello", "world"), lines.stream().map(LogLine::text).toList());
        assertEquals(LogLine.Stream.STDERR, lines.get(0).stream());
    }

    @Test
    void splitsTimestamps() {
        List<LogLine> lines = new ArrayList<>();
        LineAssembler assembler = new LineAssembler(true, lines::add);
        assembler.accept(frame(StreamType.STDOUT, "2026-11-27T10:00:00.123456789Z ready\n"));
        assertEquals("ready", lines.get(0).text());
        assertEquals(java.time.Instant.parse("2026-11-27T10:00:00.123456789Z"), lines.get(0).timestamp());
    }
}
