package dev.berth.core;

import dev.berth.Container;
import dev.berth.ContainerSettings;
import dev.berth.ContainerSpec;
import dev.berth.DockerException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --init}, {@code --shm-size}, {@code --ulimit}, {@code --sysctl} and {@code --platform} from a
 * {@link ContainerSpec} reach the engine: read back with {@code inspect().settings()}, the docker CLI's
 * {@code docker inspect}, and from inside the running container.
 */
class RuntimeSettingsTest extends EngineTest {

    @Test
    void initShmUlimitsSysctlsAndPlatformReachTheContainer() throws Exception {
        try (Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX)
                .name("berth-runtime-" + UUID.randomUUID().toString().substring(0, 8))
                .command("sleep", "300")
                .init()
                .shmSize("96m")
                .ulimit("nofile", 1024, 2048)
                .ulimit("nproc", 300, 400)
                .sysctl("net.core.somaxconn", "511")
                .platform("linux/amd64"))) {
            ContainerSettings s = c.inspect().settings();
            assertEquals(Boolean.TRUE, s.init());
            assertTrue(s.ulimits().containsAll(List.of(new ContainerSettings.Ulimit("nofile", 1024, 2048),
                    new ContainerSettings.Ulimit("nproc", 300, 400))), s.ulimits().toString());

            String shm = cli("inspect", "-f", "{{.HostConfig.ShmSize}}", c.id()).trim();
            assertEquals(String.valueOf(96L << 20), shm);
            String sysctls = cli("inspect", "-f", "{{json .HostConfig.Sysctls}}", c.id()).trim();
            assertEquals("{\"net.core.somaxconn\":\"511\"}", sysctls);

            // inside: docker-init is PID 1, the limits and the kernel parameter apply, /dev/shm has the size
            assertEquals("docker-init", c.exec("cat", "/proc/1/comm").stdout().trim());
            // read PID 1's limits: an exec'd shell on 20.10 gets soft = hard, the container's process does not
            String limits = c.exec("grep", "Max open files", "/proc/1/limits").stdout();
            assertTrue(limits.matches("(?s)Max open files\\s+1024\\s+2048\\s+files.*"), limits);
            assertEquals("511", c.exec("cat", "/proc/sys/net/core/somaxconn").stdout().trim());
            String df = c.exec("df", "-k", "/dev/shm").stdout();
            assertTrue(df.contains(String.valueOf(96 * 1024)), df);
        }
    }

    @Test
    void dnsAndDnsSearchReachTheContainer() throws Exception {
        try (Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX)
                .command("sleep", "300")
                .dns("192.0.2.53")
                .dnsSearch("corp.internal", "example.internal"))) {
            assertEquals("[\"192.0.2.53\"]", cli("inspect", "-f", "{{json .HostConfig.Dns}}", c.id()).trim());
            String resolv = c.exec("cat", "/etc/resolv.conf").stdout();
            assertTrue(resolv.contains("nameserver 192.0.2.53"), resolv);
            assertTrue(resolv.contains("search corp.internal example.internal"), resolv);
        }
    }

    /**
     * Only created, not started: the legacy test engine here runs nested and cannot start a privileged container
     * at all ("unable to apply caps", the docker CLI fails the same way), so the test checks what the engine stored.
     */
    @Test
    void privilegedIsStoredByTheEngine() {
        try (Container c = docker.containers().create(ContainerSpec.of(TestImages.BUSYBOX).command("true")
                .privileged())) {
            assertTrue(c.inspect().settings().privileged());
        }
    }

    /** A platform the local image does not have fails the create: the parameter is sent, not dropped. */
    @Test
    void aPlatformTheImageLacksIsRefused() {
        ContainerSpec spec = ContainerSpec.of(TestImages.BUSYBOX).command("true").platform("linux/s390x")
                .pull(dev.berth.PullPolicy.NEVER);
        DockerException e = assertThrows(DockerException.class, () -> docker.containers().run(spec).close());
        assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("platform")
                || e.getMessage().contains("s390x") || e.getMessage().contains("No such image"), e.getMessage());
    }

    private static String cli(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
        return out;
    }

}
