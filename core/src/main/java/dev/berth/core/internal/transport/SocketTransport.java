package dev.berth.core.internal.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Berth's own requests on its own connections (exec and attach with stdin, build): the socket-side counterpart of
 * the counted, bounded docker-java transport. Every exchange opened here is counted in the same request count.
 */
public final class SocketTransport {
    private final EngineDialer dialer;
    private final AtomicLong requests;
    private final Duration requestTimeout;
    private volatile String apiVersion;

    public SocketTransport(EngineDialer dialer, AtomicLong requests, Duration requestTimeout) {
        this.dialer = dialer;
        this.requests = requests;
        this.requestTimeout = requestTimeout;
    }

    /** After negotiation: versioned paths from now on. */
    public void pin(String version) {
        this.apiVersion = version;
    }

    /** A fresh counted connection. */
    public EngineDialer.Duplex dial() throws IOException {
        EngineDialer.Duplex connection = dialer.dial();
        requests.incrementAndGet();
        return connection;
    }

    /** The path as the engine wants it: prefixed with the pinned API version. */
    public String versioned(String path) {
        return "/v" + apiVersion + path;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }
}
