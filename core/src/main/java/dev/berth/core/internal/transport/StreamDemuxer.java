package dev.berth.core.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Splits the engine's multiplexed stream: 8-byte headers (stream id, 3 zero bytes, big-endian length), payload. */
public final class StreamDemuxer {
    private StreamDemuxer() {
    }

    /** Copies frames to stdout / stderr until the stream ends. */
    public static void copy(InputStream in, OutputStream stdout, OutputStream stderr) throws IOException {
        byte[] header = new byte[8];
        byte[] buffer = new byte[8192];
        while (true) {
            int read = in.readNBytes(header, 0, 8);
            if (read == 0) {
                return;
            }
            if (read < 8) {
                throw HttpChunks.cut("the output ended inside a frame header");
            }
            long length = ((header[4] & 0xffL) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8)
                    | (header[7] & 0xff);
            OutputStream target = header[0] == 2 ? stderr : stdout;
            while (length > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, length));
                if (n < 0) {
                    throw HttpChunks.cut("the output ended " + length + " bytes into a frame");
                }
                target.write(buffer, 0, n);
                length -= n;
            }
            target.flush();
        }
    }
}
