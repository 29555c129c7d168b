package dev.berth.core.internal.compose;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Formats as Go's time.Duration.String() and Docker's RAMInBytes, which Compose uses. */
class UnitsTest {
    @Test
    void durationsPrintAsGoPrintsThem() {
        assertEquals("1m30s", Units.formatDuration(Units.parseDuration("90s")));
        assertEquals("1m30s", Units.formatDuration(Units.parseDuration("1m30s")));
        assertEquals("1m0s", Units.formatDuration(Units.parseDuration("1m")));
        assertEquals("1h0m0s", Units.formatDuration(Units.parseDuration("60m")));
        assertEquals("500ms", Units.formatDuration(Units.parseDuration("500ms")));
        assertEquals("1.5s", Units.formatDuration(Units.parseDuration("1500ms")));
        assertEquals("2µs", Units.formatDuration(Units.parseDuration("2us")));
        assertEquals("0s", Units.formatDuration(Units.parseDuration("0")));
        assertEquals("1h30m0s", Units.formatDuration(Units.parseDuration("1.5h")));
        assertNull(Units.parseDuration("10"));
        assertNull(Units.parseDuration("3x"));
        assertNull(Units.parseDuration("s"));
    }

    @Test
    void byteSizes() {
        assertEquals(67108864L, Units.parseBytes("64m"));
        assertEquals(536870912L, Units.parseBytes("512M"));
        assertEquals(1073741824L, Units.parseBytes("1g"));
        assertEquals(1610612736L, Units.parseBytes("1.5gb"));
        assertEquals(1024L, Units.parseBytes("1024"));
        assertEquals(2048L, Units.parseBytes("2k"));
        assertNull(Units.parseBytes("lots"));
    }
}
