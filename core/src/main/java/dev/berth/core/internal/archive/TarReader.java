package dev.berth.core.internal.archive;

import dev.berth.core.internal.transport.BulkInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Reads a tar stream entry by entry (ustar, PAX records, GNU long names and links) on commons-compress, as the
 * engine's copy-out sends. Berth keeps this small front so its callers see one plain {@link Entry} type.
 */
public final class TarReader {
    private final TarArchiveInputStream tar;

    public record Entry(String name, char type, int mode, long size, String linkTarget) {
        public boolean isDirectory() {
            return type == '5';
        }

        public boolean isFile() {
            return type == '0' || type == 0 || type == '7';
        }

        public boolean isSymlink() {
            return type == '2';
        }

        /** A hard link to an earlier entry of the same archive, named by {@link #linkTarget()}. */
        public boolean isHardLink() {
            return type == '1';
        }
    }

    public TarReader(InputStream in) {
        this.tar = new TarArchiveInputStream(in, StandardCharsets.UTF_8.name());
    }

    /** The next entry, or null at the end; the entry's content is read with {@link #content()}. */
    public Entry next() throws IOException {
        TarArchiveEntry entry;
        try {
            entry = tar.getNextEntry();
        } catch (IllegalArgumentException e) { // commons-compress reports some malformed headers this way
            throw new IOException("not a tar Berth can read: " + e.getMessage(), e);
        }
        if (entry == null) {
            return null;
        }
        char type = entry.isDirectory() ? (char) TarConstants.LF_DIR : (char) entry.getLinkFlag();
        return new Entry(entry.getName(), type, entry.getMode() & 07777, entry.getSize(), entry.getLinkName());
    }

    /** The current entry's bytes; read them fully or not at all before calling next(). */
    public InputStream content() {
        return new BulkInputStream() {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return tar.read(b, off, len);
            }
        };
    }
}
