package dev.berth.core.internal.archive;

import dev.berth.DockerException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Unpacks a tar stream into a host directory the way {@code docker cp} does: directories, files, symbolic links as
 * links with their target unchanged, hard links as links. Like docker's archive.Untar it refuses a relative link
 * that climbs out of the directory ("up -> ../.."; an absolute target is kept as written), and it never writes an
 * entry outside the directory or through a link: an archive that says "a -> /etc" and then "a/passwd" is refused,
 * so a hostile container cannot write anywhere else on the host.
 */
public final class TarExtractor {
    private final Path target;
    private final String source;

    /** {@code source} names where the archive came from, for error messages. */
    public TarExtractor(Path target, String source) {
        this.target = target.toAbsolutePath().normalize();
        this.source = source;
    }

    public void extract(InputStream archive) throws IOException {
        Files.createDirectories(target);
        TarReader reader = new TarReader(archive);
        for (TarReader.Entry entry = reader.next(); entry != null; entry = reader.next()) {
            Path out = inside(entry.name());
            if (entry.isDirectory()) {
                if (Files.isSymbolicLink(out)) {
                    throw refused(entry.name(), "a symbolic link is in the way of this directory");
                }
                Files.createDirectories(out);
            } else if (entry.isFile()) {
                Files.createDirectories(out.getParent());
                Files.copy(reader.content(), out, StandardCopyOption.REPLACE_EXISTING); // replaces a link, never follows
            } else if (entry.isSymlink()) {
                Path link = out.getFileSystem().getPath(entry.linkTarget());
                if (!link.isAbsolute() && !out.getParent().resolve(link).normalize().startsWith(target)) {
                    throw refused(entry.name(), "the link to " + entry.linkTarget() + " leads out of " + target
                            + " (docker cp refuses it too: \"invalid symlink\")");
                }
                Files.createDirectories(out.getParent());
                Files.deleteIfExists(out);
                Files.createSymbolicLink(out, out.getFileSystem().getPath(entry.linkTarget()));
            } else if (entry.isHardLink()) {
                Path existing = inside(entry.linkTarget());
                Files.createDirectories(out.getParent());
                Files.deleteIfExists(out);
                Files.createLink(out, existing);
            }
            // devices, fifos: docker cp as non-root cannot make them either; skipped
        }
    }

    /** The host path for an entry: under the target, and reached through no symbolic link. */
    private Path inside(String entryName) {
        Path out = target.resolve(entryName).normalize();
        if (!out.startsWith(target) || out.equals(target)) {
            throw refused(entryName, "it points outside " + target);
        }
        for (Path p = out.getParent(); p != null && !p.equals(target); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                throw refused(entryName, "it would be written through the symbolic link " + p);
            }
        }
        return out;
    }

    private DockerException refused(String entryName, String why) {
        return new DockerException("Refusing tar entry '" + entryName + "' from " + source + ": " + why
                + ". Nothing is written outside " + target + "; copy the link's target path instead.");
    }
}
