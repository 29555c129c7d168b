package dev.berth.core.internal.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a POSIX (ustar) tar stream, entry by entry, without buffering the archive: the engine's copy and build
 * endpoints take tar. Names that do not fit ustar's 100 bytes get a PAX "path" record.
 */
public final class TarWriter implements AutoCloseable {
    private static final int BLOCK = 512;
    private final OutputStream out;

    public TarWriter(OutputStream out) {
        this.out = out;
    }

    public void directory(String name, int mode, long mtimeSeconds) throws IOException {
        header(name.endsWith("/") ? name : name + "/", mode, 0, mtimeSeconds, (byte) '5');
    }

    /** A symbolic link, stored as a link (its target is not read); targets over 100 bytes get a PAX "linkpath". */
    public void symlink(String name, String target, long mtimeSeconds) throws IOException {
        byte[] link = target.getBytes(StandardCharsets.UTF_8);
        if (link.length > 100) {
            pax("linkpath", target);
            link = truncated(link);
        }
        pendingLink = link;
        header(name, 0777, 0, mtimeSeconds, (byte) '2');
    }

    private byte[] pendingLink;

    /** A hard link to an earlier entry of the same archive (tar type '1'). */
    public void hardLink(String name, String target, long mtimeSeconds) throws IOException {
        byte[] link = target.getBytes(StandardCharsets.UTF_8);
        if (link.length > 100) {
            pax("linkpath", target);
            link = truncated(link);
        }
        pendingLink = link;
        header(name, 0644, 0, mtimeSeconds, (byte) '1');
    }

    public void file(String name, int mode, long mtimeSeconds, byte[] content) throws IOException {
        header(name, mode, content.length, mtimeSeconds, (byte) '0');
        out.write(content);
        pad(content.length);
    }

    /** Streams {@code size} bytes from the input; the size must be exact, as tar records it up front. */
    public void file(String name, int mode, long mtimeSeconds, long size, InputStream content) throws IOException {
        header(name, mode, size, mtimeSeconds, (byte) '0');
        long copied = content.transferTo(new BoundedOutput(out, size));
        if (copied != size) {
            throw new IOException(name + " changed size while it was being archived (" + copied + " of " + size + ")");
        }
        pad(size);
    }

    private void header(String name, int mode, long size, long mtime, byte type) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length > 100) {
            pax("path", name);
            nameBytes = truncated(nameBytes);
        }
        byte[] h = new byte[BLOCK];
        System.arraycopy(nameBytes, 0, h, 0, nameBytes.length);
        octal(h, 100, 8, mode & 07777);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtime);
        h[156] = type;
        if ((type == '2' || type == '1') && pendingLink != null) {
            System.arraycopy(pendingLink, 0, h, 157, pendingLink.length);
            pendingLink = null;
        }
        System.arraycopy("ustar\u000000".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 8);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        octal(h, 148, 7, sum);
        h[155] = ' ';
        out.write(h);
    }

    private void pax(String key, String value) throws IOException {
        String body = record(key, value);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] held = pendingLink; // the PAX header is an entry of its own: the link belongs to the next one
        pendingLink = null;
        header("PaxHeader/" + Math.abs(value.hashCode()), 0644, bytes.length, 0, (byte) 'x');
        pendingLink = held;
        out.write(bytes);
        pad(bytes.length);
    }

    /** A PAX record is "LEN key=value\n" where LEN counts itself. */
    private static String record(String key, String value) {
        int payload = key.length() + value.getBytes(StandardCharsets.UTF_8).length + 3;
        int length = payload + String.valueOf(payload).length();
        if (String.valueOf(length).length() != String.valueOf(payload).length()) {
            length++;
        }
        return length + " " + key + "=" + value + "\n";
    }

    private static byte[] truncated(byte[] name) {
        byte[] cut = new byte[100];
        System.arraycopy(name, 0, cut, 0, 100);
        return cut;
    }

    private static void octal(byte[] h, int offset, int length, long value) {
        String text = Long.toOctalString(value);
        int digits = length - 1;
        if (text.length() > digits) {
            throw new IllegalArgumentException("value too large for tar header: " + value);
        }
        text = "0".repeat(digits - text.length()) + text;
        System.arraycopy(text.getBytes(StandardCharsets.US_ASCII), 0, h, offset, digits);
        h[offset + digits] = 0;
    }

    private void pad(long size) throws IOException {
        int rest = (int) (size % BLOCK);
        if (rest != 0) {
            out.write(new byte[BLOCK - rest]);
        }
    }

    /** Ends the archive with its two zero blocks; does not close the underlying stream. */
    @Override
    public void close() throws IOException {
        out.write(new byte[BLOCK * 2]);
        out.flush();
    }

    private static final class BoundedOutput extends OutputStream {
        private final OutputStream out;
        private long left;

        BoundedOutput(OutputStream out, long limit) {
            this.out = out;
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                throw new IOException("file grew while it was being archived");
            }
            out.write(b, off, len);
            left -= len;
        }
    }
}
