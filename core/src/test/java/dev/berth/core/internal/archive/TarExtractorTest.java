package dev.berth.core.internal.archive;

import dev.berth.DockerException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TarExtractorTest {
    interface Entries {
        void write(TarWriter tar) throws Exception;
    }

    private static ByteArrayInputStream tar(Entries entries) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(bytes)) {
            entries.write(tar);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    @Test
    void linksStayLinksWhereverTheyPoint(@TempDir Path tmp) throws Exception {
        String longTarget = "/opt/" + "t".repeat(150);
        var archive = tar(t -> {
            t.directory("d", 0755, 0);
            t.file("d/f.txt", 0644, 0, "f".getBytes(StandardCharsets.UTF_8));
            t.symlink("d/in", "f.txt", 0);
            t.symlink("d/out", "/etc/passwd", 0);
            t.symlink("d/up", "../d/f.txt", 0);
            t.symlink("d/long", longTarget, 0);
        });
        Path target = tmp.resolve("x");
        new TarExtractor(target, "test").extract(archive);
        assertEquals("f", Files.readString(target.resolve("d/in")));
        assertEquals(Path.of("f.txt"), Files.readSymbolicLink(target.resolve("d/in")));
        assertEquals(Path.of("/etc/passwd"), Files.readSymbolicLink(target.resolve("d/out")));
        assertEquals(Path.of("../d/f.txt"), Files.readSymbolicLink(target.resolve("d/up")));
        assertEquals(Path.of(longTarget), Files.readSymbolicLink(target.resolve("d/long")));
    }

    @Test
    void nothingIsWrittenThroughALink(@TempDir Path tmp) throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        var archive = tar(t -> {
            t.symlink("a", outside.toString(), 0);
            t.file("a/planted.txt", 0644, 0, "x".getBytes(StandardCharsets.UTF_8));
        });
        var e = assertThrows(DockerException.class, () -> new TarExtractor(tmp.resolve("in"), "hostile").extract(archive));
        assertTrue(e.getMessage().contains("a/planted.txt") && e.getMessage().contains("symbolic link"),
                e.getMessage());
        assertFalse(Files.exists(outside.resolve("planted.txt")));
    }

    @Test
    void aRelativeLinkClimbingOutIsRefusedAsDockerCpDoes(@TempDir Path tmp) throws Exception {
        var archive = tar(t -> t.symlink("d/up", "../../..", 0));
        var e = assertThrows(DockerException.class, () -> new TarExtractor(tmp.resolve("in"), "x").extract(archive));
        assertTrue(e.getMessage().contains("invalid symlink"), e.getMessage());
    }

    @Test
    void dotDotNamesAreRefused(@TempDir Path tmp) throws Exception {
        var archive = tar(t -> t.file("../escape.txt", 0644, 0, new byte[1]));
        assertThrows(DockerException.class, () -> new TarExtractor(tmp.resolve("in"), "hostile").extract(archive));
        assertFalse(Files.exists(tmp.resolve("escape.txt")));
    }

    @Test
    void aHardLinkOutsideTheTreeIsRefused(@TempDir Path tmp) throws Exception {
        var archive = tar(t -> {
            t.file("ok.txt", 0644, 0, new byte[1]);
            t.hardLink("h", "../../etc/passwd", 0);
        });
        assertThrows(DockerException.class, () -> new TarExtractor(tmp.resolve("in"), "hostile").extract(archive));
        assertFalse(Files.exists(tmp.resolve("in/h")));
    }
}
