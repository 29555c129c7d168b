package dev.berth.core.internal.transport;

import dev.berth.DockerException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An HTTP request upgraded to a raw stream ({@code Upgrade: tcp}), as the docker CLI does for exec and attach with
 * stdin. Berth sends the request itself so that end of stdin can be signalled with a half-close.
 */
public final class HijackedStream implements AutoCloseable {
    private final Exchange exchange;
    private final InputStream body;

    private HijackedStream(Exchange exchange, InputStream body) {
        this.exchange = exchange;
        this.body = body;
    }

    /**
     * Sends {@code POST path} with a JSON body and expects "101 Switching Protocols" (or 200 on old engines); an
     * {@link HttpError} otherwise. The stream itself has no idle limit: its users bound it (exec timeout, attach).
     */
    public static HijackedStream post(SocketTransport sockets, String path, String json) {
        Exchange exchange = null;
        try {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange = sockets.open("POST", path, SocketTransport.headers("Content-Type", "application/json",
                    "Connection", "Upgrade", "Upgrade", "tcp", "Content-Length", String.valueOf(body.length)));
            exchange.requestBody().write(body);
            exchange.requestBody().flush();
            return new HijackedStream(exchange, exchange.upgraded(Duration.ZERO));
        } catch (IOException e) {
            if (exchange != null) {
                exchange.close();
            }
            throw new DockerException("Could not open a stream to the engine for " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (exchange != null) {
                exchange.close();
            }
            throw e;
        }
    }

    /** The engine's output (multiplexed frames unless the process has a TTY). */
    public InputStream input() {
        return body;
    }

    public OutputStream output() {
        return exchange.requestBody();
    }

    /** Tells the engine stdin has ended; the process sees EOF. */
    public void closeOutput() {
        try {
            exchange.closeOutput();
        } catch (IOException ignored) {
            // the engine already closed: the process is gone
        }
    }

    @Override
    public void close() {
        exchange.close();
    }
}
