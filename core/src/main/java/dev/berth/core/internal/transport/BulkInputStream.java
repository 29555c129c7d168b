package dev.berth.core.internal.transport;

import java.io.IOException;
import java.io.InputStream;

/** An InputStream defined by its bulk read; the single-byte read goes through it. */
public abstract class BulkInputStream extends InputStream {
    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public abstract int read(byte[] b, int off, int len) throws IOException;
}
