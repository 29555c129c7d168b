package dev.berth;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReadableResultsTest {
    @Test
    void execResultShowsShortOutputWhole() {
        assertEquals("exit 0\nstdout: hi", new ExecResult(0, "hi\n", "").toString());
        assertEquals("exit 1\nstderr: nope", new ExecResult(1, "", "nope\n").toString());
        assertEquals("exit 0", new ExecResult(0, "", "").toString());
    }

    @Test
    void execResultCutsVeryLongLines() {
        String text = new ExecResult(0, "x".repeat(10_000), "").toString();
        assertEquals("exit 0\nstdout:\n" + "x".repeat(4000) + "\n… (6000 more characters)", text);
    }

    @Test
    void summaryReadsLikeADockerPsRow() {
        var row = new ContainerSummary("0123456789abcdef", "web", "nginx", "/docker-entrypoint.sh nginx -g 'daemon off;'",
                ContainerStatus.RUNNING, "Up 3 seconds", Instant.EPOCH,
                List.of(new PublishedPort(80, Protocol.TCP, "127.0.0.1", 8080),
                        new PublishedPort(443, Protocol.TCP, "", 0)), Map.of());
        assertEquals("0123456789ab web nginx \"/docker-entrypoint.…\" Up 3 seconds 127.0.0.1:8080->80/tcp, 443/tcp",
                row.toString());
    }
}
