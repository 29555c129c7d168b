package dev.berth.core.internal.archive;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a tar stream entry by entry without buffering the archive (the engine's copy and build endpoints take tar),
 * on commons-compress (which docker-java already brings). Berth keeps this small front for what the engine needs
 * on top: POSIX long names and link targets (PAX), owner 0:0 with no user or group names (the archive does not
 * carry the local user's name), permission bits only, and a clear error when a file changes size while it is sent.
 */
public final class TarWriter implements AutoCloseable {
    /**
     * commons-compress hands its output on in 512-byte records; a buffer turns them into large writes (each write
     * of a build context becomes an HTTP chunk or a pipe transfer).
     */
    private static final int WRITE_BUFFER = 64 * 1024;
    private final TarArchiveOutputStream tar;

    public TarWriter(OutputStream out) {
        OutputStream buffered = new BufferedOutputStream(new KeepOpen(out), WRITE_BUFFER);
        tar = new TarArchiveOutputStream(buffered, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
    }

    public void directory(String name, int mode, long mtimeSeconds) throws IOException {
        TarArchiveEntry entry = entry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, mode, mtimeSeconds);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    /** A symbolic link, stored as a link (its target is not read); long targets get a PAX "linkpath". */
    public void symlink(String name, String target, long mtimeSeconds) throws IOException {
        link(name, target, TarConstants.LF_SYMLINK, 0777, mtimeSeconds);
    }

    /** A hard link to an earlier entry of the same archive (tar type '1'). */
    public void hardLink(String name, String target, long mtimeSeconds) throws IOException {
        link(name, target, TarConstants.LF_LINK, 0644, mtimeSeconds);
    }

    private void link(String name, String target, byte type, int mode, long mtimeSeconds) throws IOException {
        TarArchiveEntry entry = entry(name, type, mode, mtimeSeconds);
        entry.setLinkName(target);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    public void file(String name, int mode, long mtimeSeconds, byte[] content) throws IOException {
        TarArchiveEntry entry = entry(name, TarConstants.LF_NORMAL, mode, mtimeSeconds);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    /** Streams {@code size} bytes from the input; the size must be exact, as tar records it up front. */
    public void file(String name, int mode, long mtimeSeconds, long size, InputStream content) throws IOException {
        TarArchiveEntry entry = entry(name, TarConstants.LF_NORMAL, mode, mtimeSeconds);
        entry.setSize(size);
        tar.putArchiveEntry(entry);
        byte[] buffer = new byte[16 * 1024];
        long copied = 0;
        for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
            if (copied + n > size) {
                throw new IOException(name + " grew while it was being archived (more than " + size + " bytes)");
            }
            tar.write(buffer, 0, n);
            copied += n;
        }
        if (copied != size) {
            throw new IOException(name + " changed size while it was being archived (" + copied + " of " + size + ")");
        }
        tar.closeArchiveEntry();
    }

    private static TarArchiveEntry entry(String name, byte type, int mode, long mtimeSeconds) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type);
        entry.setMode(mode & 07777);
        entry.setModTime(mtimeSeconds * 1000);
        entry.setIds(0, 0);
        entry.setUserName("");
        entry.setGroupName("");
        return entry;
    }

    /** Ends the archive (its end-of-archive records) and flushes; does not close the underlying stream. */
    @Override
    public void close() throws IOException {
        tar.close(); // finishes the archive; KeepOpen stops the close from reaching the caller's stream
    }

    /** The caller owns the stream (an HTTP body or a pipe): closing the archive only flushes it. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
