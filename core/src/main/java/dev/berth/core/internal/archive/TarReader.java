package dev.berth.core.internal.archive;

import dev.berth.core.internal.transport.BulkInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a tar stream entry by entry (ustar, PAX path records, GNU long names), as the engine's copy-out sends. */
public final class TarReader {
    private static final int BLOCK = 512;
    /** PAX and GNU long-name records hold a few names; more is a broken or hostile archive. */
    private static final long MAX_META = 1 << 20;
    private final InputStream in;
    private long remaining;
    private long padding;

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
        this.in = in;
    }

    /** The next entry, or null at the end; the entry's content is read with {@link #content()}. */
    public Entry next() throws IOException {
        skip(remaining + padding);
        remaining = 0;
        padding = 0;
        String longName = null;
        String longLink = null;
        while (true) {
            byte[] h = in.readNBytes(BLOCK);
            if (h.length < BLOCK || isZero(h)) {
                return null;
            }
            char type = (char) h[156];
            long size = octal(h, 124, 12);
            if (type == 'x' || type == 'L' || type == 'K') {
                if (size > MAX_META) {
                    throw new IOException("tar metadata entry of " + size + " bytes: not a tar Berth can read");
                }
                byte[] body = in.readNBytes((int) size);
                skip(pad(size));
                String text = new String(body, StandardCharsets.UTF_8);
                if (type == 'L') {
                    longName = text.replace("\0", "");
                } else if (type == 'K') {
                    longLink = text.replace("\0", "");
                } else {
                    longName = paxValue(text, "path", longName);
                    longLink = paxValue(text, "linkpath", longLink);
                }
                continue;
            }
            if (type == 'g') {
                skip(size + pad(size));
                continue;
            }
            String name = longName != null ? longName : name(h);
            remaining = size;
            padding = pad(size);
            String link = longLink != null ? longLink : string(h, 157, 100);
            return new Entry(name, type, (int) octal(h, 100, 8), size, link);
        }
    }

    /** The current entry's bytes; read them fully or not at all before calling next(). */
    public InputStream content() {
        return new BulkInputStream() {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n > 0) {
                    remaining -= n;
                }
                return n;
            }
        };
    }

    private static String paxValue(String records, String key, String fallback) {
        for (String line : records.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.startsWith(key + "=", space + 1)) {
                return line.substring(space + 1 + key.length() + 1);
            }
        }
        return fallback;
    }

    private static String name(byte[] h) {
        String name = string(h, 0, 100);
        String prefix = string(h, 345, 155);
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String string(byte[] h, int offset, int length) {
        int end = offset;
        while (end < offset + length && h[end] != 0) {
            end++;
        }
        return new String(h, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] h, int offset, int length) {
        String text = string(h, offset, length).trim();
        return text.isEmpty() ? 0 : Long.parseLong(text, 8);
    }

    private static long pad(long size) {
        long rest = size % BLOCK;
        return rest == 0 ? 0 : BLOCK - rest;
    }

    private void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    return;
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
