package dev.berth.junit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The configuration parameters, without an engine. */
class SettingsTest {
    private static Settings settings(Map<String, String> parameters, Map<String, String> environment) {
        return Settings.of(key -> Optional.ofNullable(parameters.get(key)), environment);
    }

    @Test
    void reuseIsOnLocallyOffOnCiAndOnWhenCiAsksForIt() {
        assertTrue(settings(Map.of(), Map.of()).reuseEnabled());
        assertFalse(settings(Map.of(), Map.of("CI", "true")).reuseEnabled());
        assertTrue(settings(Map.of(Settings.REUSE_ENABLED, "true"), Map.of("CI", "true")).reuseEnabled());
        assertFalse(settings(Map.of(Settings.REUSE_ENABLED, "false"), Map.of()).reuseEnabled());
    }

    @Test
    void logLinesComeFromTheAnnotationThenTheParameterThenTheDefault() {
        Settings plain = settings(Map.of(), Map.of());
        assertEquals(Settings.DEFAULT_LOG_LINES, plain.logLinesFor(Unannotated.class));
        assertEquals(7, settings(Map.of(Settings.LOG_LINES, "7"), Map.of()).logLinesFor(Unannotated.class));
        assertEquals(3, settings(Map.of(Settings.LOG_LINES, "7"), Map.of()).logLinesFor(ThreeLines.class));
        assertEquals(3, plain.logLinesFor(ThreeLines.Inner.class), "a @Nested class takes its outer class's value");
        assertTrue(plain.saveLogsFor(ThreeLines.class));
        assertFalse(plain.saveLogsFor(Unannotated.class));
    }

    @Test
    void badValuesNameTheParameterAndTheFix() {
        var e = assertThrows(ExtensionConfigurationException.class,
                () -> settings(Map.of(Settings.LOG_LINES, "lots"), Map.of()));
        assertTrue(e.getMessage().contains("berth.junit.logLines=lots") && e.getMessage().contains("=100"),
                e.getMessage());
        var ttl = assertThrows(ExtensionConfigurationException.class,
                () -> settings(Map.of(Settings.REUSE_TTL, "10 minutes"), Map.of()));
        assertTrue(ttl.getMessage().contains("PT30M"), ttl.getMessage());
        assertEquals(Duration.ofMinutes(5), settings(Map.of(Settings.REUSE_TTL, "PT5M"), Map.of()).defaultReuseTtl());
    }

    static class Unannotated {
    }

    @DockerTest(logLines = 3, saveLogs = true)
    static class ThreeLines {
        class Inner {
        }
    }
}
