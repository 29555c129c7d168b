package dev.berth.core;

import dev.berth.Container;
import dev.berth.ContainerNotRunningException;
import dev.berth.ContainerSpec;
import dev.berth.ExecResult;
import dev.berth.ExecSpec;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecTest extends EngineTest {
    static Container box;

    @BeforeAll
    static void start() {
        box = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX).command("sleep", "300"));
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    @Test
    void exitCodeStdoutAndStderrApart() {
        ExecResult r = box.exec("sh", "-c", "echo out; echo err >&2; exit 4");
        assertEquals(4, r.exitCode());
        assertEquals("out\n", r.stdout());
        assertEquals("err\n", r.stderr());
        assertTrue(box.exec("true").succeeded());
    }

    @Test
    void envUserAndWorkdir() {
        ExecResult r = box.exec(ExecSpec.of("sh", "-c", "echo $GREETING $(id -u) $(pwd)")
                .env("GREETING", "hi").user("4321").workdir("/bin"));
        assertEquals("hi 4321 /bin", r.stdout().strip());
    }

    @Test
    void stdinBytesReachTheProcessAndTheCallReturnsWhenItEnds() {
        // the hijacked-stdin trap: without Berth's handling this call never returns
        ExecResult r = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> box.exec(ExecSpec.of("sh", "-c", "cat; echo done >&2").stdin("line one\nline two\n")));
        assertEquals("line one\nline two\n", r.stdout());
        assertEquals("done\n", r.stderr());
        assertEquals(0, r.exitCode());
    }

    @Test
    void stdinFromAStream() {
        byte[] data = new byte[200_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) ('a' + i % 26);
        }
        ExecResult r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> box.exec(ExecSpec.of("wc", "-c").stdin(new ByteArrayInputStream(data))));
        assertEquals("200000", r.stdout().strip());
    }

    @Test
    void stdinProcessThatExitsBeforeReadingEverything() {
        ExecResult r = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> box.exec(ExecSpec.of("sh", "-c", "head -c 3; exit 5").stdin("abcdef")));
        assertEquals("abc", r.stdout());
        assertEquals(5, r.exitCode());
    }

    @Test
    void execOnAStoppedContainerIsTyped() {
        try (Container stopped = docker.containers().create(ContainerSpec.of(TestImages.BUSYBOX).command("sleep", "1"))) {
            var e = assertThrows(ContainerNotRunningException.class, () -> stopped.exec("true"));
            assertTrue(e.getMessage().contains("not running"), e.getMessage());
            assertTrue(e.getMessage().contains("start()"), e.getMessage());
        }
    }
}
