package dev.berth.core.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 chunked transfer coding, both ways, for the requests Berth streams itself. */
public final class HttpChunks {
    private HttpChunks() {
    }

    /** Buffers writes and sends each full buffer as one chunk; close() sends the last, empty chunk. */
    public static final class Output extends OutputStream {
        private final OutputStream out;
        private final byte[] buffer;
        private int used;

        public Output(OutputStream out, int chunkSize) {
            this.out = out;
            this.buffer = new byte[chunkSize];
        }

        @Override
        public void write(int b) throws IOException {
            if (used == buffer.length) {
                flushChunk();
            }
            buffer[used++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (used == buffer.length) {
                    flushChunk();
                }
                int n = Math.min(len, buffer.length - used);
                System.arraycopy(b, off, buffer, used, n);
                used += n;
                off += n;
                len -= n;
            }
        }

        private void flushChunk() throws IOException {
            if (used > 0) {
                out.write((Integer.toHexString(used) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(buffer, 0, used);
                out.write('\r');
                out.write('\n');
                used = 0;
            }
        }

        @Override
        public void flush() throws IOException {
            flushChunk();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            flushChunk();
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    /** A chunk size line; anything else means the answer was cut or corrupted on its way. */
    static long chunkSize(String line) throws TransportFailure {
        int semicolon = line.indexOf(';');
        String hex = (semicolon >= 0 ? line.substring(0, semicolon) : line).strip();
        try {
            long size = hex.isEmpty() ? -1 : Long.parseLong(hex, 16);
            if (size >= 0) {
                return size;
            }
        } catch (NumberFormatException notHex) {
            // reported below
        }
        throw cut(hex.isEmpty() ? "the stream ended without its last chunk"
                : "a chunk header was not a size ('" + (hex.length() > 20 ? hex.substring(0, 20) + "…" : hex) + "')");
    }

    static TransportFailure cut(String what) {
        return new TransportFailure(TransportFailure.Kind.LOST, "the engine's answer was cut or corrupted: " + what,
                null);
    }

    /** Decodes a chunked body; ends at the last chunk. */
    public static final class Input extends BulkInputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        public Input(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                left = chunkSize(Http1Codec.readLine(in));
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                done = true;
                throw cut("the stream ended inside a chunk (" + left + " bytes missing)");
            }
            left -= n;
            if (left == 0) {
                Http1Codec.readLine(in); // the CRLF after the chunk
            }
            return n;
        }
    }
}
