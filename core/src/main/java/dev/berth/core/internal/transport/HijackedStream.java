package dev.berth.core.internal.transport;

import dev.berth.core.internal.engine.EngineErrors;
import dev.berth.DockerException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP request upgraded to a raw stream ({@code Upgrade: tcp}), as the docker CLI does for exec and attach with
 * stdin. Berth sends the request itself so that end of stdin can be signalled with a half-close.
 */
public final class HijackedStream implements AutoCloseable {
    private final EngineDialer.Duplex connection;
    private final InputStream body;

    private HijackedStream(EngineDialer.Duplex connection, InputStream body) {
        this.connection = connection;
        this.body = body;
    }

    /** Sends {@code POST path} with a JSON body and expects "101 Switching Protocols" (or 200 on old engines). */
    public static HijackedStream post(SocketTransport sockets, String path, String json) {
        EngineDialer.Duplex connection = null;
        try {
            connection = sockets.dial();
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + sockets.versioned(path) + " HTTP/1.1\r\n"
                    + "Host: docker\r\n"
                    + "User-Agent: berth\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Upgrade: tcp\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n";
            connection.out().write(head.getBytes(StandardCharsets.US_ASCII));
            connection.out().write(body);
            connection.out().flush();
            InputStream in = connection.in();
            String status = readLine(in);
            int code = status.length() >= 12 ? Integer.parseInt(status.substring(9, 12)) : -1;
            long contentLength = -1;
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    contentLength = Long.parseLong(line.substring(15).trim());
                }
            }
            if (code != 101 && code != 200) {
                byte[] error = contentLength >= 0 ? in.readNBytes((int) Math.min(contentLength, 65536))
                        : in.readNBytes(65536);
                throw new HijackFailed(code, EngineErrors.message(new RuntimeException(
                        new String(error, StandardCharsets.UTF_8))));
            }
            return new HijackedStream(connection, in);
        } catch (IOException e) {
            if (connection != null) {
                connection.close();
            }
            throw new DockerException("Could not open a stream to the engine for " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (connection != null) {
                connection.close();
            }
            throw e;
        }
    }

    /** The engine's output (multiplexed frames unless the process has a TTY). */
    public InputStream input() {
        return body;
    }

    public java.io.OutputStream output() {
        return connection.out();
    }

    /** Tells the engine stdin has ended; the process sees EOF. */
    public void closeOutput() {
        try {
            connection.closeOutput();
        } catch (IOException ignored) {
            // the engine already closed: the process is gone
        }
    }

    @Override
    public void close() {
        connection.close();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** The engine refused the upgrade with an HTTP error. */
    public static final class HijackFailed extends RuntimeException {
        public final int status;

        HijackFailed(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
