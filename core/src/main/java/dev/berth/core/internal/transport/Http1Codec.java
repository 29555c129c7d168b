package dev.berth.core.internal.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP/1.1 codec of Berth's own requests: writes the request head, reads the status line and headers, and picks
 * the body framing (raw after an upgrade, chunked, content-length, or until the engine closes). Nothing else in
 * Berth formats or parses HTTP/1.1.
 */
public final class Http1Codec {
    private Http1Codec() {
    }

    /** A response's status line and headers (names lower-cased). */
    public record ResponseHead(int status, String reason, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public boolean successful() {
            return status / 100 == 2 || status == 101;
        }
    }

    /** Writes {@code METHOD target HTTP/1.1}, Host and User-Agent, the given headers and the blank line. */
    public static void writeHead(OutputStream out, String method, String target, Map<String, String> headers)
            throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: docker\r\nUser-Agent: berth\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    public static ResponseHead readHead(InputStream in) throws IOException {
        // a corrupted answer fails on its first bytes, not at the deadline after waiting for a line end
        byte[] start = in.readNBytes(5);
        if (start.length > 0 && !new String(start, StandardCharsets.US_ASCII).equals("HTTP/")) {
            throw HttpChunks.cut("not an HTTP answer: '" + new String(start, StandardCharsets.US_ASCII) + "…'");
        }
        String status = new String(start, StandardCharsets.US_ASCII) + readLine(in);
        if (!status.startsWith("HTTP/1.") || status.length() < 12) {
            throw status.isEmpty() ? new TransportFailure(TransportFailure.Kind.LOST,
                    "the engine closed the connection without answering", null)
                    : HttpChunks.cut("not an HTTP answer: '" + (status.length() > 40 ? status.substring(0, 40) + "…"
                    : status) + "'");
        }
        int code;
        try {
            code = Integer.parseInt(status.substring(9, 12));
        } catch (NumberFormatException e) {
            throw HttpChunks.cut("not an HTTP status line: '" + status + "'");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        return new ResponseHead(code, status.substring(12).strip(), headers);
    }

    /** The body as the head frames it. */
    public static InputStream body(ResponseHead head, InputStream in) {
        if (head.status() == 101) {
            return in; // upgraded: from here on the connection is the raw stream
        }
        if (head.status() == 204 || head.status() == 304 || head.status() / 100 == 1) {
            return InputStream.nullInputStream(); // no body by definition, whatever the headers say
        }
        String encoding = head.header("Transfer-Encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return new HttpChunks.Input(in);
        }
        String length = head.header("Content-Length");
        if (length != null) {
            try {
                return new FixedLength(in, Long.parseLong(length.strip()));
            } catch (NumberFormatException e) {
                return in; // a nonsense length: read until the engine closes
            }
        }
        return in; // until the engine closes (or a hijacked 200 on old engines)
    }

    /** One line without its CRLF (a bare LF ends it too). */
    public static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
            if (line.size() > 65536) {
                throw HttpChunks.cut("a header line longer than 64 KiB");
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** Reads an error answer's body (bounded) into the one HTTP error type. */
    public static HttpError error(ResponseHead head, InputStream body) throws IOException {
        byte[] text = body(head, body).readNBytes(65536);
        return HttpError.of(head.status(), new String(text, StandardCharsets.UTF_8));
    }

    /** A body of known length. */
    private static final class FixedLength extends BulkInputStream {
        private final InputStream in;
        private long left;

        FixedLength(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw HttpChunks.cut("the stream ended " + left + " bytes before its announced length");
            }
            left -= n;
            return n;
        }
    }
}
