package dev.berth.core;

import dev.berth.Container;
import dev.berth.ContainerSpec;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CopyTest extends EngineTest {
    @Test
    void copyInAndOut(@TempDir Path tmp) throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("site/sub"));
        Files.writeString(tmp.resolve("site/index.html"), "<h1>hi</h1>");
        Files.writeString(tree.resolve("deep.txt"), "deep");
        Path script = Files.writeString(tmp.resolve("run.sh"), "#!/bin/sh\necho ran\n");
        script.toFile().setExecutable(true);
        byte[] binary = new byte[70_000];
        new java.util.Random(1).nextBytes(binary);
        try (Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX).command("sleep", "300"))) {
            c.exec("mkdir", "-p", "/srv");
            c.copyIn(tmp.resolve("site"), "/srv");
            c.copyIn(script, "/srv");
            c.copyIn("hello berth", "/srv/greeting.txt");
            c.copyIn(binary, "/srv/blob.bin", 0600);
            assertEquals("<h1>hi</h1>", c.readFile("/srv/site/index.html"));
            assertEquals("deep", c.exec("cat", "/srv/site/sub/deep.txt").stdout());
            assertEquals("ran", c.exec("/srv/run.sh").stdout().strip(), "mode kept: executable");
            assertEquals("hello berth", c.readFile("/srv/greeting.txt"));
            assertEquals("600", c.exec("stat", "-c", "%a", "/srv/blob.bin").stdout().strip());

            var out = new ByteArrayOutputStream();
            c.copyOut("/srv/blob.bin", out);
            assertArrayEquals(binary, out.toByteArray());

            Path back = tmp.resolve("back");
            c.copyOut("/srv/site", back);
            assertEquals("deep", Files.readString(back.resolve("site/sub/deep.txt")));
            assertEquals("<h1>hi</h1>", Files.readString(back.resolve("site/index.html")));

            assertThrows(dev.berth.NotFoundException.class, () -> c.readFile("/no/such/file"));
            var missingDir = assertThrows(dev.berth.NotFoundException.class,
                    () -> c.copyIn("x", "/no-such-dir/file.txt"));
            assertEquals(true, missingDir.getMessage().contains("mkdir"), missingDir.getMessage());
        }
    }
}
