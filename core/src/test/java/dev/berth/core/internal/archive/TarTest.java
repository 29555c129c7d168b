package dev.berth.core.internal.archive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TarTest {
    @Test
    void roundTripsFilesDirectoriesAndLongNames() throws Exception {
        String longName = "deep/" + "x".repeat(150) + "/file.txt";
        var bytes = new ByteArrayOutputStream();
        try (TarWriter tar = new TarWriter(bytes)) {
            tar.directory("deep", 0755, 0);
            tar.file("deep/a.txt", 0600, 0, "hello".getBytes(StandardCharsets.UTF_8));
            byte[] big = new byte[1500];
            tar.file(longName, 0644, 0, big.length, new ByteArrayInputStream(big));
        }
        assertEquals(0, bytes.size() % 512);
        TarReader reader = new TarReader(new ByteArrayInputStream(bytes.toByteArray()));
        var dir = reader.next();
        assertEquals("deep/", dir.name());
        assertTrue(dir.isDirectory());
        var a = reader.next();
        assertEquals("deep/a.txt", a.name());
        assertEquals(0600, a.mode());
        assertEquals("hello", new String(reader.content().readAllBytes(), StandardCharsets.UTF_8));
        var longEntry = reader.next();
        assertEquals(longName, longEntry.name());
        assertEquals(1500, longEntry.size());
        assertNull(reader.next());
    }
}
