package dev.berth.reliability;

import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.Docker;
import dev.berth.ExecSpec;
import dev.berth.LogFollow;
import dev.berth.LogOptions;
import dev.berth.OutputTooLargeException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Big outputs in a JVM capped at 128 MB (a child JVM, so this one is unaffected): a 500 MB log follow, 200 MB of
 * exec output, a 1 GB copyOut. Each must stream: the child ends with exit 0, no OutOfMemoryError. Bounds (hang
 * guards for a loaded CI host): 5 min for the follow, 3 min for exec and copyOut; here they take about 20 s, 5 s and
 * 15 s. Each child removes its container (close), checked by its session label from here.
 */
@org.junit.jupiter.api.extension.ExtendWith(dev.berth.core.VolumeLeakWatch.class)
class ResourcesTest {
    private static final List<String> SMALL_HEAP = List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError");
    static final long MB = 1024 * 1024;

    private static ContainerSpec shell(String script) {
        return ContainerSpec.of("busybox:1.36").command("sh", "-c", script);
    }

    /** Counts what it is given and keeps nothing. */
    static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    public static final class FollowBigLog {
        public static void main(String[] args) {
            try (Docker docker = Docker.connect();
                 Container c = docker.containers().run(shell(
                         "head -c " + 500 * MB + " /dev/zero | tr '\\000' a | fold -w 999"))) {
                System.out.println("SESSION " + docker.sessionId());
                AtomicLong bytes = new AtomicLong();
                LogFollow follow = c.logs().follow(LogOptions.all(), line -> bytes.addAndGet(line.text().length() + 1));
                follow.awaitEnd(Duration.ofMinutes(5));
                System.out.println("FOLLOWED " + bytes.get());
            }
        }
    }

    public static final class ExecBigOutput {
        public static void main(String[] args) {
            try (Docker docker = Docker.connect();
                 Container c = docker.containers().run(shell("sleep 300"))) {
                System.out.println("SESSION " + docker.sessionId());
                ExecSpec big = ExecSpec.of("sh", "-c", "head -c " + 200 * MB + " /dev/zero");
                try {
                    c.exec(big);
                    System.out.println("NOT CAPPED");
                } catch (OutputTooLargeException e) {
                    System.out.println("CAPPED " + e.getMessage());
                }
                Counting out = new Counting();
                int exit = c.exec(big, out, OutputStream.nullOutputStream());
                System.out.println("STREAMED " + out.bytes + " exit " + exit);
            }
        }
    }

    public static final class CopyOutBigFile {
        public static void main(String[] args) {
            try (Docker docker = Docker.connect();
                 Container c = docker.containers().run(shell("sleep 300"))) {
                System.out.println("SESSION " + docker.sessionId());
                c.exec("sh", "-c", "head -c " + 1024 * MB + " /dev/zero > /big");
                Counting out = new Counting();
                c.copyOut("/big", out);
                System.out.println("COPIED " + out.bytes);
            }
        }
    }

    private static String run(Class<?> main, Duration bound) throws Exception {
        try (ChildJvm child = ChildJvm.start(SMALL_HEAP, main)) {
            int exit = child.awaitExit(bound);
            assertEquals(0, exit, child::output);
            String session = line(child.output(), "SESSION ").split(" ")[1];
            try (Docker docker = Docker.connect()) {
                assertEquals(List.of(), docker.containers().list(dev.berth.ContainerFilter.all()
                        .label(dev.berth.BerthLabels.SESSION, session)), "containers left on the engine");
            }
            return child.output();
        }
    }

    /** Defect: the repair fetch at the end of a follow read all logs since the last timestamp into memory. */
    @Test
    void aFiveHundredMegabyteLogFollowsInA128MegabyteHeap() throws Exception {
        String out = run(FollowBigLog.class, Duration.ofMinutes(5));
        long followed = Long.parseLong(line(out, "FOLLOWED ").split(" ")[1]);
        assertEquals(500 * MB + 500 * MB / 999 + 1, followed, out);
    }

    /** Defect: exec collected stdout as a String (an OutOfMemoryError hidden behind a timeout). */
    @Test
    void twoHundredMegabytesOfExecOutputAreCappedOrStreamed() throws Exception {
        String out = run(ExecBigOutput.class, Duration.ofMinutes(3));
        String capped = line(out, "CAPPED ");
        assertTrue(capped.contains("16 MiB") && capped.contains("exec(spec, stdoutStream, stderrStream)"), capped);
        assertEquals("STREAMED " + 200 * MB + " exit 0", line(out, "STREAMED "));
    }

    @Test
    void aOneGigabyteCopyOutStreamsInA128MegabyteHeap() throws Exception {
        String out = run(CopyOutBigFile.class, Duration.ofMinutes(3));
        assertEquals("COPIED " + 1024 * MB, line(out, "COPIED "));
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + prefix + "' in:\n" + output));
    }
}
