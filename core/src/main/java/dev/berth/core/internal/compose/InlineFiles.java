package dev.berth.core.internal.compose;

import dev.berth.Container;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Secrets and configs given as content or an environment variable, copied into a created container before it
 * starts (as Compose does without Swarm). Their directories, such as {@code /run/secrets}, may not exist in the
 * image yet, so the files are staged under their full path and copied from {@code /}.
 */
final class InlineFiles {
    private InlineFiles() {
    }

    static void copyInto(Container container, List<ServiceSpecs.InlineFile> files) {
        if (files.isEmpty()) {
            return;
        }
        Path staging = null;
        try {
            staging = Files.createTempDirectory("berth-compose-files");
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (ServiceSpecs.InlineFile file : files) {
                Path target = staging.resolve(file.path().replaceFirst("^/+", ""));
                for (Path dir = target.getParent(); dir != null && !dir.equals(staging); dir = dir.getParent()) {
                    Files.createDirectories(dir);
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
                Files.write(target, file.content());
                Files.setPosixFilePermissions(target, permissions(file.mode()));
            }
            try (Stream<Path> tops = Files.list(staging)) {
                for (Path top : tops.toList()) {
                    container.copyIn(top, "/");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage the secrets and configs of " + container.name(), e);
        } finally {
            delete(staging);
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        StringBuilder text = new StringBuilder();
        String letters = "rwxrwxrwx";
        for (int bit = 8; bit >= 0; bit--) {
            text.append((mode & (1 << bit)) != 0 ? letters.charAt(8 - bit) : '-');
        }
        return PosixFilePermissions.fromString(text.toString());
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary directory; the OS cleans it up
        }
    }
}
