package dev.berth.reliability;

import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.core.EngineTest;
import dev.berth.core.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * copyIn / copyOut treat symbolic links as {@code docker cp} does: links stay links, pointing where they pointed,
 * and a link's target is never copied in its place. Before: copyOut dropped links silently, and copyIn copied the
 * content of a file link (even one pointing outside the copied directory) and dropped directory links. Each test
 * compares Berth's result with the docker CLI's on the same input.
 */
class LinksCopyTest extends EngineTest {
    /** Lists a tree inside the container: one line per entry, links with their target, files with their text. */
    private static final String LIST = "cd \"$0\" && find . | sort | while read f; do"
            + " if [ -L \"$f\" ]; then echo \"$f -> $(readlink \"$f\")\";"
            + " elif [ -d \"$f\" ]; then echo \"$f/\"; else echo \"$f = $(cat \"$f\")\"; fi; done";

    @Test
    void copyInKeepsLinksAsLinksAndNeverCarriesATargetOutsideTheTree(@TempDir Path tmp) throws IOException {
        String secret = "TOP-SECRET-" + UUID.randomUUID();
        Path outsideFile = Files.writeString(tmp.resolve("secret.txt"), secret);
        Path site = Files.createDirectories(tmp.resolve("site/sub"));
        site = site.getParent();
        Files.writeString(site.resolve("file.txt"), "inside");
        Files.writeString(site.resolve("sub/x.txt"), "x");
        Files.createSymbolicLink(site.resolve("in"), Path.of("file.txt"));
        Files.createSymbolicLink(site.resolve("out"), outsideFile.toAbsolutePath());
        Files.createSymbolicLink(site.resolve("outdir"), tmp.toAbsolutePath());
        Files.createSymbolicLink(site.resolve("dirlink"), Path.of("sub"));
        Files.createSymbolicLink(site.resolve("dangling"), Path.of("nowhere"));
        try (Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX).command("sleep", "300"))) {
            c.exec("mkdir", "-p", "/srv", "/ref");
            c.copyIn(site, "/srv");
            Cli.docker("cp", site.toString(), c.id() + ":/ref");

            String ours = c.exec("sh", "-c", LIST, "/srv/site").stdout();
            String cli = c.exec("sh", "-c", LIST, "/ref/site").stdout();
            assertEquals(cli, ours, "Berth's copyIn differs from docker cp");
            assertTrue(ours.contains("./in -> file.txt"), ours);
            assertTrue(ours.contains("./out -> " + outsideFile.toAbsolutePath()), ours);
            assertTrue(ours.contains("./dirlink -> sub"), ours);
            assertTrue(ours.contains("./dangling -> nowhere"), ours);
            assertNotEquals(0, c.exec("grep", "-r", secret, "/srv").exitCode(), "the outside file was copied in");
        }
    }

    @Test
    void copyOutKeepsLinksAsLinksLikeDockerCp(@TempDir Path tmp) throws IOException {
        try (Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX).command("sleep", "300"))) {
            c.exec("sh", "-c", "mkdir -p /data/d && echo f > /data/f && echo x > /data/d/x && ln -s f /data/in"
                    + " && ln -s /etc/passwd /data/out && ln -s ../f /data/d/up && ln -s d /data/dl"
                    + " && ln -s nowhere /data/dangling");
            Path ours = Files.createDirectories(tmp.resolve("berth"));
            Path cli = Files.createDirectories(tmp.resolve("cli"));
            c.copyOut("/data", ours);
            Cli.docker("cp", c.id() + ":/data", cli.toString());

            assertEquals(listing(cli.resolve("data")), listing(ours.resolve("data")));
            assertEquals(Path.of("f"), Files.readSymbolicLink(ours.resolve("data/in")));
            assertEquals(Path.of("/etc/passwd"), Files.readSymbolicLink(ours.resolve("data/out")));
            assertEquals(Path.of("../f"), Files.readSymbolicLink(ours.resolve("data/d/up")));
            assertEquals(Path.of("d"), Files.readSymbolicLink(ours.resolve("data/dl")));
            assertFalse(Files.exists(ours.resolve("data/dangling")), "dangling stays dangling");
            assertTrue(Files.isSymbolicLink(ours.resolve("data/dangling")));
        }
    }

    /** docker cp refuses a relative link that climbs out of the destination ("invalid symlink"): so does Berth. */
    @Test
    void copyOutRefusesALinkClimbingOutOfTheDestinationLikeDockerCp(@TempDir Path tmp) throws IOException {
        try (Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX).command("sleep", "300"))) {
            c.exec("sh", "-c", "mkdir -p /data && ln -s ../../.. /data/up");
            Path cli = Files.createDirectories(tmp.resolve("cli"));
            var cliError = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> Cli.docker("cp", c.id() + ":/data", cli.toString()));
            assertTrue(cliError.getMessage().contains("invalid symlink"), cliError.getMessage());
            var e = org.junit.jupiter.api.Assertions.assertThrows(dev.berth.DockerException.class,
                    () -> c.copyOut("/data", tmp.resolve("berth")));
            assertTrue(e.getMessage().contains("data/up") && e.getMessage().contains("invalid symlink"),
                    e.getMessage());
            assertFalse(Files.exists(tmp.resolve("berth/data/up"), LinkOption.NOFOLLOW_LINKS));
        }
    }

    private static List<String> listing(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.sorted().map(p -> {
                String name = root.relativize(p).toString();
                try {
                    if (Files.isSymbolicLink(p)) {
                        return name + " -> " + Files.readSymbolicLink(p);
                    }
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        return name + "/";
                    }
                    return name + " = " + Files.readString(p).strip();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
