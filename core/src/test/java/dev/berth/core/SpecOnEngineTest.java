package dev.berth.core;

import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.ContainerStatus;
import dev.berth.HealthCheck;
import dev.berth.Mount;
import dev.berth.RestartPolicy;
import dev.berth.Secret;
import dev.berth.Wait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each spec field reaches the engine and has its effect inside the container. */
class SpecOnEngineTest extends EngineTest {
    private static ContainerSpec sleeper() {
        return ContainerSpec.of(TestImages.BUSYBOX).command("sleep", "300").stopTimeout(Duration.ofSeconds(1));
    }

    @Test
    void processSettings() {
        try (Container c = docker.containers().run(sleeper()
                .env("PLAIN", "v1").env("TOKEN", Secret.of("s3cr3t"))
                .workdir("/tmp").user("1234:5678").hostname("berth-host").label("team", "core"))) {
            assertEquals("v1\ns3cr3t", c.exec("sh", "-c", "echo $PLAIN; echo $TOKEN").stdout().strip());
            assertEquals("/tmp", c.exec("pwd").stdout().strip());
            assertEquals("1234:5678", c.exec("sh", "-c", "echo $(id -u):$(id -g)").stdout().strip());
            assertEquals("berth-host", c.exec("hostname").stdout().strip());
            assertEquals("core", c.inspect().labels().get("team"));
        }
    }

    @Test
    void entrypointAndCommand() {
        try (Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX)
                .entrypoint("echo", "from-entrypoint").command("and-cmd").waitFor(Wait.exited()))) {
            assertEquals("from-entrypoint and-cmd", c.logs().all().text());
            assertEquals(0, c.inspect().exitCode());
        }
    }

    @Test
    void mountsVolumeBindTmpfsAndReadOnly(@TempDir Path dir) throws Exception {
        String volume = "berth-test-" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(dir.resolve("hello.txt"), "from host");
        try {
            try (Container writer = docker.containers().run(sleeper().volume(volume, "/data"))) {
                assertEquals(0, writer.exec("sh", "-c", "echo persisted > /data/f").exitCode());
            }
            try (Container c = docker.containers().run(sleeper()
                    .mount(Mount.volume(volume, "/ro").asReadOnly())
                    .mount(Mount.bind(dir, "/host").asReadOnly())
                    .mount(Mount.tmpfs("/scratch").size("16m")))) {
                assertEquals("persisted", c.exec("cat", "/ro/f").stdout().strip());
                assertNotEquals(0, c.exec("sh", "-c", "echo x > /ro/g").exitCode(), "read-only volume");
                assertEquals("from host", c.exec("cat", "/host/hello.txt").stdout().strip());
                assertNotEquals(0, c.exec("sh", "-c", "echo x > /host/new").exitCode(), "read-only bind");
                String mounts = c.exec("cat", "/proc/mounts").stdout();
                assertTrue(mounts.contains("tmpfs /scratch tmpfs"), mounts);
                assertTrue(mounts.contains("size=16384k"), mounts);
            }
        } finally {
            new ProcessBuilder("docker", "volume", "rm", "-f", volume).start().waitFor();
        }
    }

    @Test
    void resourcesAndSecurity() {
        try (Container c = docker.containers().run(sleeper().memory("64m").cpus(0.5).pidsLimit(50)
                .readOnlyRootfs().capDrop("CHOWN").capAdd("NET_ADMIN"))) {
            String memLimit = c.exec("sh", "-c",
                    "cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes")
                    .stdout().strip();
            assertEquals(String.valueOf(64L << 20), memLimit);
            assertNotEquals(0, c.exec("touch", "/rootfs-file").exitCode(), "read-only rootfs");
            assertNotEquals(0, c.exec("chown", "1:1", "/tmp").exitCode(), "CHOWN dropped");
            String caps = c.exec("grep", "CapEff", "/proc/self/status").stdout();
            long eff = Long.parseLong(caps.substring(caps.indexOf(':') + 1).strip(), 16);
            assertTrue((eff & (1L << 12)) != 0, "NET_ADMIN added: " + caps);
            assertTrue((eff & 1L) == 0, "CHOWN dropped: " + caps);
        }
    }

    @Test
    void restartPolicyRestartsACrashingContainer() {
        try (Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX)
                .command("sh", "-c", "sleep 0.2; exit 3").restart(RestartPolicy.onFailure(2)))) {
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!(c.inspect().status() == ContainerStatus.EXITED)) {
                assertTrue(System.nanoTime() < end, "never gave up restarting");
                sleep(100);
            }
            assertEquals(3, c.inspect().exitCode());
            assertEquals(2, c.inspect().restartCount(), "on-failure:2 restarts twice, then gives up");
        }
    }

    @Test
    void healthCheckAndHealthyWait() {
        try (Container c = docker.containers().run(sleeper()
                .healthCheck(HealthCheck.shell("test -f /ok").interval(Duration.ofMillis(200)).retries(100))
                .waitFor(Wait.exec("touch", "/ok")))) {
            c.waitFor(Wait.healthy().timeout(Duration.ofSeconds(30)));
            assertEquals(dev.berth.Health.HEALTHY, c.inspect().health());
        }
    }

    @Test
    void extraHostsAutoRemoveAndStopSignal() {
        try (Container c = docker.containers().run(sleeper().extraHost("berth.test", "10.1.2.3"))) {
            assertTrue(c.exec("cat", "/etc/hosts").stdout().contains("10.1.2.3\tberth.test"));
        }
        Container gone = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX).command("true").autoRemove());
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (docker.containers().find(gone.id()).isPresent()) {
            assertTrue(System.nanoTime() < end, "auto-remove did not remove");
            sleep(20);
        }
        gone.close(); // already gone: quiet
        try (Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX)
                .command("sh", "-c", "trap 'exit 9' USR1; echo armed; while true; do sleep 0.05; done")
                .stopSignal("SIGUSR1").stopTimeout(Duration.ofSeconds(5)).waitFor(Wait.log("armed")))) {
            c.stop();
            assertEquals(9, c.inspect().exitCode(), "stop sent the stop signal");
        }
    }

    @Test
    void networkAndAliasesResolveFromAnotherContainer() throws Exception {
        String network = "berth-test-net-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(0, new ProcessBuilder("docker", "network", "create", network).start().waitFor());
        try (Container web = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX)
                .command("sh", "-c", "mkdir -p /www && echo aliased > /www/index.html && httpd -f -p 8000 -h /www")
                .network(network, "web-alias"));
             Container client = docker.containers().run(sleeper().network(network))) {
            assertTrue(web.inspect().ipAddress(network) != null, web.inspect().toString());
            String body = "";
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!body.contains("aliased") && System.nanoTime() < end) {
                body = client.exec("wget", "-qO-", "http://web-alias:8000/").stdout();
            }
            assertEquals("aliased", body.strip());
        } finally {
            new ProcessBuilder("docker", "network", "rm", network).start().waitFor();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
