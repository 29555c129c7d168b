package dev.berth.core.internal.containers;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.berth.LogLine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * Frames arrive cut anywhere; this joins them into lines per stream, and {@link #flush()} emits a last line that has
 * no trailing newline (which a naive splitter loses).
 */
public final class LineAssembler {
    private final boolean timestamps;
    private final Consumer<LogLine> sink;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    public LineAssembler(boolean timestamps, Consumer<LogLine> sink) {
        this.timestamps = timestamps;
        this.sink = sink;
    }

    public synchronized void accept(Frame frame) {
        boolean err = frame.getStreamType() == StreamType.STDERR;
        ByteArrayOutputStream buffer = err ? stderr : stdout;
        for (byte b : frame.getPayload()) {
            if (b == '\n') {
                emit(buffer, err);
            } else {
                buffer.write(b);
            }
        }
    }

    public synchronized void flush() {
        if (stdout.size() > 0) {
            emit(stdout, false);
        }
        if (stderr.size() > 0) {
            emit(stderr, true);
        }
    }

    private void emit(ByteArrayOutputStream buffer, boolean err) {
        String text = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        Instant at = null;
        if (timestamps) {
            int space = text.indexOf(' ');
            if (space > 0) {
                try {
                    at = Instant.parse(text.substring(0, space));
                    text = text.substring(space + 1);
                } catch (DateTimeParseException notATimestamp) {
                    at = null;
                }
            }
        }
        sink.accept(new LogLine(err ? LogLine.Stream.STDERR : LogLine.Stream.STDOUT, text, at));
    }
}
