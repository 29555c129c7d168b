package dev.berth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageRefTest {
    @ParameterizedTest
    @CsvSource({
            "nginx, docker.io, library/nginx, latest, ",
            "nginx:1.25, docker.io, library/nginx, 1.25, ",
            "bitnami/redis:7, docker.io, bitnami/redis, 7, ",
            "localhost/app, localhost, app, latest, ",
            "127.0.0.1:15001/team/app:v1, 127.0.0.1:15001, team/app, v1, ",
            "ghcr.io/a/b/c:1.0-rc_1, ghcr.io, a/b/c, 1.0-rc_1, ",
            "my-registry.example.com:5000/x__y.z-w, my-registry.example.com:5000, x__y.z-w, latest, ",
    })
    void parsesDockerReferences(String text, String registry, String path, String tag, String digest) {
        ImageRef ref = ImageRef.parse(text);
        assertEquals(registry, ref.registry());
        assertEquals(path, ref.path());
        assertEquals(tag, ref.tag());
        assertEquals(digest, ref.digest());
    }

    @Test
    void digestWithoutTagHasNoImpliedLatest() {
        String digest = "sha256:" + "a".repeat(64);
        ImageRef ref = ImageRef.parse("nginx@" + digest);
        assertEquals(null, ref.tag());
        assertEquals(digest, ref.digest());
        assertEquals("nginx@" + digest, ref.familiar());
    }

    @Test
    void familiarFormDropsTheHubPrefix() {
        assertEquals("nginx:latest", ImageRef.parse("docker.io/library/nginx").familiar());
        assertEquals("docker.io/library/nginx:latest", ImageRef.parse("nginx").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Nginx", "nginx:", ":tag", "nginx::1", "-nginx", "nginx/", "a//b", "nginx:-bad",
            "nginx@sha256:123", "my_registry:5000/app", "host:port/app", "app/UPPER", "a b", "nginx:" + "t"})
    void rejectsInvalidReferencesWithTheRule(String text) {
        if (text.equals("nginx:t")) {
            assertEquals("t", ImageRef.parse(text).tag());
            return;
        }
        InvalidImageReferenceException e = assertThrows(InvalidImageReferenceException.class, () -> ImageRef.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.rule() != null && !e.rule().isBlank());
        assertTrue(e.getMessage().contains("Fix:"), e.getMessage());
    }

    @Test
    void uppercaseRuleIsNamed() {
        var e = assertThrows(InvalidImageReferenceException.class, () -> ImageRef.parse("MyApp"));
        assertTrue(e.rule().contains("lowercase"), e.rule());
    }
}
