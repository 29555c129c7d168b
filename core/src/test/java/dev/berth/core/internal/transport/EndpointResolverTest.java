package dev.berth.core.internal.transport;

import dev.berth.DockerSettings;
import dev.berth.EngineUnavailableException;
import dev.berth.core.internal.engine.ApiVersions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointResolverTest {
    @TempDir
    Path home;

    private DockerSettings env(Map<String, String> vars) {
        var all = new java.util.HashMap<>(vars);
        all.put("HOME", home.toString());
        return DockerSettings.defaults().environment(all);
    }

    @Test
    void explicitSettingsWinOverEverything() {
        var c = EndpointResolver.candidates(env(Map.of("DOCKER_HOST", "tcp://10.0.0.1:2375")).host("unix:///x.sock"));
        assertEquals(List.of(new EndpointCandidate("unix:///x.sock", false, null, "settings")), c);
    }

    @Test
    void dockerHostWithTlsDefaultsCertPathToDotDocker() {
        var c = EndpointResolver.candidates(env(Map.of("DOCKER_HOST", "tcp://engine:2376", "DOCKER_TLS_VERIFY", "1")));
        assertEquals(1, c.size());
        assertTrue(c.get(0).tlsVerify());
        assertEquals(home.resolve(".docker"), c.get(0).certPath());
        assertEquals("DOCKER_HOST", c.get(0).source());
    }

    @Test
    void dockerCertPathIsHonoured() {
        var c = EndpointResolver.candidates(env(Map.of("DOCKER_HOST", "tcp://engine:2376", "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", "/certs")));
        assertEquals(Path.of("/certs"), c.get(0).certPath());
    }

    @Test
    void tcpWithoutAPortGetsDockersDefault() {
        assertEquals("tcp://engine:2375", EndpointResolver.candidates(env(Map.of("DOCKER_HOST", "tcp://engine")))
                .get(0).host());
        assertEquals("tcp://engine:2376", EndpointResolver.candidates(env(Map.of("DOCKER_HOST", "tcp://engine",
                "DOCKER_TLS_VERIFY", "1"))).get(0).host());
    }

    @Test
    void plainTcpWithoutTlsVerify() {
        var c = EndpointResolver.candidates(env(Map.of("DOCKER_HOST", "tcp://engine:2375")));
        assertFalse(c.get(0).tlsVerify());
    }

    @Test
    void sshFromDockerHostIsOneCandidate() {
        var c = EndpointResolver.candidates(env(Map.of("DOCKER_HOST", "ssh://me@box:2222")));
        assertEquals(List.of(new EndpointCandidate("ssh://me@box:2222", false, null, "DOCKER_HOST")), c);
    }

    @Test
    void sshFromAContext() throws IOException {
        Path config = home.resolve(".docker");
        writeContext(config, "far", "ssh://me@far.example", false);
        var c = EndpointResolver.candidates(env(Map.of("DOCKER_CONTEXT", "far")));
        assertEquals(List.of(new EndpointCandidate("ssh://me@far.example", false, null, "context far")), c);
    }

    @Test
    void aMalformedSshAddressFailsBeforeAnySshRuns() {
        for (String bad : List.of("ssh://me:pw@box", "ssh://me@box/var/run/docker.sock", "ssh://", "ssh://@box",
                "ssh://box?x=1")) {
            var e = assertThrows(EngineUnavailableException.class,
                    () -> EndpointResolver.candidates(env(Map.of("DOCKER_HOST", bad))), bad);
            assertTrue(e.getMessage().contains("is not a usable ssh:// address"), e.getMessage());
            assertTrue(e.getMessage().contains("Use ssh://user@host"), e.getMessage());
        }
    }

    @Test
    void currentContextFromConfigJson() throws IOException {
        Path config = home.resolve(".docker");
        writeContext(config, "remote", "tcp://remote:2376", true);
        Files.writeString(config.resolve("config.json"), "{\"currentContext\":\"remote\"}");
        var c = EndpointResolver.candidates(env(Map.of()));
        assertEquals(1, c.size());
        assertEquals("tcp://remote:2376", c.get(0).host());
        assertTrue(c.get(0).tlsVerify());
        assertEquals("context remote", c.get(0).source());
        assertTrue(c.get(0).certPath().endsWith(Path.of("tls", EndpointResolver.sha256("remote"), "docker")));
    }

    @Test
    void dockerContextEnvBeatsTheConfigAndDockerConfigMovesTheDirectory() throws IOException {
        Path config = home.resolve("elsewhere");
        writeContext(config, "one", "tcp://one:2375", false);
        writeContext(config, "two", "unix:///run/two.sock", false);
        Files.writeString(config.resolve("config.json"), "{\"currentContext\":\"one\"}");
        var c = EndpointResolver.candidates(env(Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_CONTEXT", "two")));
        assertEquals("unix:///run/two.sock", c.get(0).host());
        assertFalse(c.get(0).tlsVerify());
    }

    @Test
    void missingContextSaysHowToFix() {
        var e = assertThrows(EngineUnavailableException.class,
                () -> EndpointResolver.candidates(env(Map.of("DOCKER_CONTEXT", "nope"))));
        assertTrue(e.getMessage().contains("docker context ls"), e.getMessage());
    }

    @Test
    void defaultContextFallsBackToTheWellKnownSockets() {
        var c = EndpointResolver.candidates(env(Map.of("DOCKER_CONTEXT", "default", "XDG_RUNTIME_DIR", "/run/user/1")));
        assertEquals("unix:///var/run/docker.sock", c.get(0).host());
        assertEquals("unix://" + home + "/.docker/run/docker.sock", c.get(1).host());
        assertEquals("unix:///run/user/1/docker.sock", c.get(2).host());
    }

    private static void writeContext(Path config, String name, String host, boolean tls) throws IOException {
        String id = EndpointResolver.sha256(name);
        Path meta = Files.createDirectories(config.resolve("contexts/meta").resolve(id));
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Endpoints\":{\"docker\":{\"Host\":\""
                + host + "\",\"SkipTLSVerify\":false}}}");
        if (tls) {
            Files.createDirectories(config.resolve("contexts/tls").resolve(id).resolve("docker"));
        }
    }

    @Test
    void apiVersionIsPinnedToTheLowerOfEngineAndTested() {
        assertEquals("1.47", ApiVersions.negotiate("1.47"));
        assertEquals("1.40", ApiVersions.negotiate("1.40"));
        assertEquals("1.41", ApiVersions.negotiate("1.41"));
        assertEquals("1.51", ApiVersions.negotiate("1.51"));
        assertEquals("1.51", ApiVersions.negotiate("1.52"));
        assertEquals(ApiVersions.FALLBACK, ApiVersions.negotiate(null));
        assertTrue(ApiVersions.compare("1.9", "1.41") < 0);
        // an engine whose minimum passed the tested version: its minimum wins over "highest tested"
        assertEquals("1.53", ApiVersions.negotiate("1.56", "1.53"));
        assertEquals("1.51", ApiVersions.negotiate("1.52", "1.44"));
        assertEquals("1.47", ApiVersions.negotiate("1.47", "1.24"));
        assertEquals("1.40", ApiVersions.negotiate("1.40", "1.12"));
        assertTrue(ApiVersions.needsMinimum("1.52"));
        assertTrue(!ApiVersions.needsMinimum("1.51"), "no extra /version call against engines we are tested with");
        assertTrue(!ApiVersions.needsMinimum("1.41"), "no extra /version call against engines we are tested with");
    }
}
