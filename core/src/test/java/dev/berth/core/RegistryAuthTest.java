package dev.berth.core;

import dev.berth.Docker;
import dev.berth.DockerSettings;
import dev.berth.Image;
import dev.berth.ImageNotFoundException;
import dev.berth.Progress;
import dev.berth.RegistryAuth;
import dev.berth.RegistryAuthException;
import dev.berth.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login, push and pull against the offline hub's private registry (127.0.0.1:15001, hubuser/hubpass). */
@org.junit.jupiter.api.extension.ExtendWith({SharedEngineLock.class, VolumeLeakWatch.class})
class RegistryAuthTest {
    static final String REGISTRY = "127.0.0.1:15001";
    static final String USER = "hubuser";
    static final String PASSWORD = "hubpass";

    @TempDir
    Path home;

    /** A connection that sees only the docker config written by the test, never the user's. */
    private Docker connect(Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("HOME", home.toString());
        env.putAll(extraEnv);
        return Docker.connect(DockerSettings.defaults().configDir(home.resolve(".docker")).environment(env));
    }

    private static String repository() {
        return REGISTRY + "/berth-test/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void wrongPasswordIsATypedAuthError() {
        try (Docker docker = connect(Map.of())) {
            var e = assertThrows(RegistryAuthException.class,
                    () -> docker.images().login(RegistryAuth.of(REGISTRY, USER, Secret.of("wrong"))));
            assertTrue(e.getMessage().contains(REGISTRY), e.getMessage());
            assertFalse(e.getMessage().contains("wrong"), "the password never appears: " + e.getMessage());
        }
    }

    @Test
    void loginPushPullAndDelete() throws Exception {
        String ref = repository() + ":v1";
        try (Docker docker = connect(Map.of())) {
            docker.images().login(RegistryAuth.of(REGISTRY, USER, Secret.of(PASSWORD)));
            Image local = docker.images().tag(TestImages.BUSYBOX, ref);
            try {
                List<Progress> pushed = new CopyOnWriteArrayList<>();
                docker.images().push(ref, pushed::add);
                assertTrue(pushed.stream().anyMatch(p -> p.status().startsWith("Pushed")
                        || p.status().startsWith("Mounted from") || p.status().startsWith("Layer already exists")),
                        pushed.toString());
                assertTrue(pushed.stream().anyMatch(p -> p.status().contains("digest: sha256:")), pushed.toString());
                local.remove();
                assertThrows(ImageNotFoundException.class, () -> docker.images().inspect(ref));
                Image pulled = docker.images().pull(ref, p -> { });
                assertEquals(docker.images().inspect(TestImages.BUSYBOX).id(), pulled.id());
            } finally {
                docker.images().find(ref).ifPresent(Image::close);
                deleteFromRegistry(ref);
            }
        }
    }

    /** A build whose FROM image lives in the private registry pulls it with the connection's credentials. */
    @Test
    void buildFromAPrivateBaseImage() throws Exception {
        String base = repository() + ":base";
        try (Docker docker = connect(Map.of())) {
            docker.images().login(RegistryAuth.of(REGISTRY, USER, Secret.of(PASSWORD)));
            try (Image local = docker.images().tag(TestImages.BUSYBOX, base)) {
                docker.images().push(base, p -> { });
            }
            assertThrows(ImageNotFoundException.class, () -> docker.images().inspect(base));
            try (Image built = docker.images().build(dev.berth.BuildSpec.of(dev.berth.Dockerfile.from(base)
                    .run("echo built-on-private-base > /marker"), dev.berth.BuildContext.empty()))) {
                assertTrue(built.inspect().sizeBytes() > 0);
            } finally {
                docker.images().find(base).ifPresent(Image::close);
            }
        } finally {
            deleteFromRegistry(base);
        }
    }

    @Test
    void pushWithoutCredentialsIsAnAuthError() {
        String ref = repository() + ":v1";
        try (Docker docker = connect(Map.of())) {
            try (Image local = docker.images().tag(TestImages.BUSYBOX, ref)) {
                assertThrows(RegistryAuthException.class, () -> docker.images().push(ref, p -> { }));
            }
        }
    }

    @Test
    void credentialsComeFromAHelperOnThePathOrFromAuths() throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path helper = bin.resolve("docker-credential-berthtest");
        Files.writeString(helper, "#!/bin/sh\nread server || true\n"
                + "echo \"{\\\"ServerURL\\\":\\\"$server\\\",\\\"Username\\\":\\\"" + USER
                + "\\\",\\\"Secret\\\":\\\"" + PASSWORD + "\\\"}\"\n");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = Files.createDirectories(home.resolve(".docker")).resolve("config.json");
        Files.writeString(config, "{\"credHelpers\":{\"" + REGISTRY + "\":\"berthtest\"}}");
        String ref = repository() + ":helper";
        try (Docker docker = connect(Map.of("PATH", bin + ":" + System.getenv("PATH")))) {
            try (Image local = docker.images().tag(TestImages.BUSYBOX, ref)) {
                docker.images().push(ref, p -> { });
            }
            // the same credentials as a plain "auths" entry
            String auth = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            Files.writeString(config, "{\"auths\":{\"" + REGISTRY + "\":{\"auth\":\"" + auth + "\"}}}");
            try (Docker fromAuths = connect(Map.of()); Image pulled = fromAuths.images().pull(ref, p -> { })) {
                assertEquals(docker.images().inspect(TestImages.BUSYBOX).id(), pulled.id());
            }
            // and through a default store ("credsStore"), which serves every registry
            Files.writeString(config, "{\"credsStore\":\"berthtest\"}");
            try (Docker fromStore = connect(Map.of("PATH", bin + ":" + System.getenv("PATH")));
                 Image pulled = fromStore.images().pull(ref, p -> { })) {
                assertEquals(docker.images().inspect(TestImages.BUSYBOX).id(), pulled.id());
            }
        } finally {
            deleteFromRegistry(ref);
        }
    }

    /** Registry API v2: find the manifest digest, then delete it, so the registry is left as found. */
    static void deleteFromRegistry(String ref) throws Exception {
        String path = ref.substring(REGISTRY.length() + 1);
        String repository = path.substring(0, path.lastIndexOf(':'));
        String tag = path.substring(path.lastIndexOf(':') + 1);
        String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create("http://" + REGISTRY + "/v2/" + repository
                        + "/manifests/" + tag)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Authorization", basic)
                .header("Accept", "application/vnd.docker.distribution.manifest.v2+json").build(),
                HttpResponse.BodyHandlers.discarding());
        if (head.statusCode() == 404) {
            return;
        }
        String digest = head.headers().firstValue("Docker-Content-Digest").orElseThrow();
        HttpResponse<Void> delete = http.send(HttpRequest.newBuilder(URI.create("http://" + REGISTRY + "/v2/"
                        + repository + "/manifests/" + digest)).DELETE().header("Authorization", basic).build(),
                HttpResponse.BodyHandlers.discarding());
        assertTrue(delete.statusCode() == 202 || delete.statusCode() == 404, "registry delete: " + delete.statusCode());
    }
}
