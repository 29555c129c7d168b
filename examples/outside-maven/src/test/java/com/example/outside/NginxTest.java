package com.example.outside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.ContainerSpec;
import dev.berth.Docker;
import dev.berth.Wait;
import dev.berth.junit.DockerTest;
import dev.berth.junit.ManagedContainer;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a user's first Berth test looks like: one container, started and removed by the extension. */
@DockerTest
class NginxTest {
    static final ManagedContainer WEB = ManagedContainer.of(ContainerSpec.of("nginx").publish(80)
            .waitFor(Wait.http(80, "/")));

    @Test
    void servesItsWelcomePage() throws Exception {
        try (InputStream page = URI.create("http://127.0.0.1:" + WEB.hostPort(80) + "/").toURL().openStream()) {
            assertTrue(new String(page.readAllBytes(), StandardCharsets.UTF_8).contains("Welcome to nginx!"));
        }
    }

    @Test
    void execRunsInTheContainer(Docker docker) {
        assertEquals(0, WEB.exec("nginx", "-v").exitCode());
        assertTrue(docker.containers().list().stream().anyMatch(c -> c.id().equals(WEB.container().id())));
    }
}
