package dev.berth.core;

import dev.berth.ContainerSettings;
import dev.berth.Stack;
import dev.berth.StackSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A compose file with {@code init}, {@code platform}, {@code shm_size}, {@code ulimits}, {@code sysctls}, {@code dns},
 * {@code dns_search} comes up with them ({@code privileged} is checked in ComposeLoaderTest: the legacy test engine
 * cannot start a privileged container).
 */
class StackRuntimeKeysTest extends EngineTest {
    static final String COMPOSE = """
            services:
              app:
                image: %s
                command: ["sleep", "300"]
                init: true
                platform: linux/amd64
                shm_size: 96m
                ulimits:
                  nproc: 500
                  nofile: {soft: 1024, hard: 2048}
                sysctls:
                  - net.core.somaxconn=511
                dns: 192.0.2.53
                dns_search: [corp.internal]
            """;

    @Test
    void runtimeKeysReachTheServiceContainer(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("compose.yaml"), COMPOSE.formatted(TestImages.BUSYBOX));
        String project = "berth-rtkeys-" + UUID.randomUUID().toString().substring(0, 8);
        Stack stack = docker.stacks().up(StackSpec.fromCompose(file).projectName(project));
        try {
            var app = stack.service("app");
            ContainerSettings s = app.inspect().settings();
            assertEquals(Boolean.TRUE, s.init());
            assertTrue(s.ulimits().containsAll(List.of(new ContainerSettings.Ulimit("nproc", 500, 500),
                    new ContainerSettings.Ulimit("nofile", 1024, 2048))), s.ulimits().toString());
            assertEquals("docker-init", app.exec("cat", "/proc/1/comm").stdout().trim());
            assertEquals("511", app.exec("cat", "/proc/sys/net/core/somaxconn").stdout().trim());
            String resolv = app.exec("cat", "/etc/resolv.conf").stdout();
            assertTrue(resolv.contains("search corp.internal"), resolv);
            String df = app.exec("df", "-k", "/dev/shm").stdout();
            assertTrue(df.contains(String.valueOf(96 * 1024)), df);
        } finally {
            stack.down();
        }
    }
}
