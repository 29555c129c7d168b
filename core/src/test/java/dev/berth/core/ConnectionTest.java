package dev.berth.core;

import dev.berth.Docker;
import dev.berth.DockerSettings;
import dev.berth.EngineUnavailableException;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionTest extends EngineTest {
    @Test
    void versionInfoAndPingAreTypedAndReadable() {
        var version = docker.version();
        assertTrue(version.engineVersion() != null && !version.engineVersion().isBlank());
        String expected = lower(version.apiVersion(), "1.51");
        assertEquals(expected, version.negotiatedApiVersion(), "pinned to min(engine, highest tested)");
        assertTrue(version.toString().startsWith("Docker Engine "), version.toString());
        assertTrue(docker.version() == version, "version is asked once and remembered");

        var info = docker.info();
        assertTrue(info.cpus() > 0);
        assertTrue(info.memoryBytes() > 0);
        assertTrue(info.toString().contains("CPUs"), info.toString());

        var ping = docker.ping();
        assertEquals("linux", ping.osType());
        assertTrue(ping.toString().startsWith("pong"), ping.toString());
        assertTrue(docker.endpoint().toString().contains("API " + expected), docker.endpoint().toString());
    }

    /** The lower of two API versions: what Berth must speak to an engine (20.10: 1.41, 28.5: 1.51). */
    static String lower(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        int cmp = major != 0 ? major : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
        return cmp <= 0 ? a : b;
    }

    @Test
    void explicitSocketConnects() {
        try (Docker explicit = Docker.connect(DockerSettings.defaults().host("unix:///var/run/docker.sock"))) {
            assertEquals("settings", explicit.endpoint().source());
            explicit.ping();
        }
    }

    @Test
    void noEngineSaysWhereItLookedAndHowToFix() {
        var e = assertThrows(EngineUnavailableException.class, () -> Docker.connect(DockerSettings.defaults()
                .environment(Map.of("DOCKER_HOST", "unix:///tmp/berth-no-such.sock", "HOME", "/nonexistent"))));
        assertEquals(1, e.attempts().size());
        assertTrue(e.getMessage().contains("/tmp/berth-no-such.sock"), e.getMessage());
        assertTrue(e.getMessage().contains("DOCKER_HOST"), e.getMessage());
        assertTrue(e.getMessage().contains("Fix:"), e.getMessage());
    }

    @Test
    void refusedTcpEndpointIsReportedWithItsReason() {
        var e = assertThrows(EngineUnavailableException.class, () -> Docker.connect(DockerSettings.defaults()
                .host("tcp://127.0.0.1:1")));
        assertTrue(e.attempts().get(0).contains("tcp://127.0.0.1:1"), e.attempts().toString());
        assertTrue(e.attempts().get(0).toLowerCase().contains("refused"), e.attempts().toString());
    }
}
