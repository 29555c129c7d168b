package dev.berth.core;

import dev.berth.BuildSpec;
import dev.berth.Image;
import dev.berth.Stack;
import dev.berth.StackSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code build.network}, {@code build.extra_hosts}, {@code build.shm_size} and {@code build.cache_from} reach the
 * engine's (classic) builder: what the RUN steps saw is written into the image and read back from the running
 * service.
 */
class StackBuildKeysTest extends EngineTest {
    private static final String SLEEP = "[\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 300 & wait\"]";

    private static String project() {
        return "berth-buildkeys-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theRunStepsGetTheBuildsNetworkHostsAndShm(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), """
                FROM %s
                RUN grep buildhost /etc/hosts > /hosts; df -k /dev/shm | tail -1 > /shm; ls /sys/class/net > /nets
                """.formatted(TestImages.BUSYBOX));
        Path file = Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    build:
                      context: .
                      network: none
                      extra_hosts: ["buildhost=192.0.2.7"]
                      shm_size: 96m
                    command: %s
                """.formatted(SLEEP));
        String project = project();
        Stack stack = docker.stacks().up(StackSpec.fromCompose(file).projectName(project));
        try {
            var app = stack.service("app");
            assertTrue(app.exec("cat", "/hosts").stdout().matches("(?s)192\\.0\\.2\\.7\\s+buildhost\\s*"),
                    "build.extra_hosts: " + app.exec("cat", "/hosts").stdout());
            assertTrue(app.exec("cat", "/shm").stdout().contains(String.valueOf(96 * 1024)),
                    "build.shm_size: " + app.exec("cat", "/shm").stdout());
            assertEquals("lo", app.exec("cat", "/nets").stdout().strip(), "build.network none: loopback only");
        } finally {
            stack.down();
            docker.images().find(project + "-app").ifPresent(Image::close);
        }
    }

    @Test
    void cacheFromDecidesWhichImagesTheBuildReuses(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), """
                FROM %s
                RUN cat /proc/sys/kernel/random/uuid > /stamp
                """.formatted(TestImages.BUSYBOX));
        String project = project();
        String source = project + "-source";
        Image sourceImage = docker.images().build(BuildSpec.context(dir).tag(source));
        Path file = Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  source:
                    image: %s
                    command: %s
                  cached:
                    build: {context: ., cache_from: ["%s"]}
                    command: %s
                  uncached:
                    build: {context: ., cache_from: ["%s"]}
                    command: %s
                """.formatted(source, SLEEP, source, SLEEP, TestImages.BUSYBOX, SLEEP));
        Stack stack = docker.stacks().up(StackSpec.fromCompose(file).projectName(project));
        try {
            String stamp = stack.service("source").exec("cat", "/stamp").stdout().strip();
            assertEquals(stamp, stack.service("cached").exec("cat", "/stamp").stdout().strip(),
                    "the RUN step came from the cache_from image");
            assertNotEquals(stamp, stack.service("uncached").exec("cat", "/stamp").stdout().strip(),
                    "with other cache_from images the local cache is not used (the step ran again)");
        } finally {
            stack.down();
            docker.images().find(project + "-cached").ifPresent(Image::close);
            docker.images().find(project + "-uncached").ifPresent(Image::close);
            sourceImage.close();
        }
    }
}
