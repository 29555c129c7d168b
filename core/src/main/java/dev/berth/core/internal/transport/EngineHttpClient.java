package dev.berth.core.internal.transport;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * docker-java's transport on Berth's own connections and HTTP/1.1 codec, replacing zerodep's. What it adds, each
 * for a fault seen in the field:
 * <ul>
 * <li><b>Stale pooled connections</b> (engine restarted: every call failed "Broken pipe" until the pool drained):
 * an idle connection is checked before reuse and dropped when the engine closed it; a request that still fails
 * below HTTP is sent once more on a fresh connection when repeating it is safe ({@link #mayRepeat}).</li>
 * <li><b>Deadlines without parked threads</b>: zerodep's timeouts do nothing on unix sockets, so a stalled engine
 * hung callers forever (or parked a helper thread per request). Each request has the limits of
 * {@link RequestLimits}; a timer closes the connection when one runs out, the caller's own read fails.</li>
 * <li><b>Close cancels everything in flight</b> ({@link InFlight}) with a typed "closed" failure.</li>
 * <li><b>No header logging</b>: nothing here logs, so {@code X-Registry-Auth} never reaches a logger.</li>
 * </ul>
 */
public final class EngineHttpClient implements DockerHttpClient {
    private static final int MAX_IDLE = 8;
    /** POSTs that may be sent twice: the engine's answer to a repeat is the same (start/stop: 304; wait: exit). */
    private static final Pattern REPEATABLE_POST = Pattern.compile(
            "^(/v[0-9.]+)?(/containers/[^/]+/(start|stop|wait)|/auth)(\\?.*)?$");

    private final EngineDialer dialer;
    private final Duration requestTimeout;
    private final InFlight inFlight;
    private final Deque<EngineDialer.Duplex> idle = new ArrayDeque<>();

    public EngineHttpClient(EngineDialer dialer, Duration requestTimeout, InFlight inFlight) {
        this.dialer = dialer;
        this.requestTimeout = requestTimeout;
        this.inFlight = inFlight;
    }

    @Override
    public Response execute(Request request) {
        if (request.hijackedInput() != null) {
            throw new UnsupportedOperationException("Berth sends hijacked streams itself (HijackedStream)");
        }
        String what = request.method() + " " + request.path().replaceFirst("\\?.*", "");
        RequestLimits limits = RequestLimits.of(request.method(), request.path(), requestTimeout);
        try {
            try {
                return attempt(request, what, limits);
            } catch (TransportFailure e) {
                if (e.kind() != TransportFailure.Kind.LOST || !mayRepeat(request)) {
                    throw e;
                }
                // once, on a fresh connection: the first one may have been a stale pooled one
                return attempt(request, what, limits);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Safe to send again after a failure below HTTP: reads, idempotent writes, and the POSTs whose repeat changes
     * nothing — and only with a body that can be sent again (bytes, not a stream already consumed).
     */
    static boolean mayRepeat(Request request) {
        boolean replayableBody = request.bodyBytes() != null || request.body() == null;
        return replayableBody && switch (request.method().toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "PUT", "DELETE" -> true;
            case "POST" -> REPEATABLE_POST.matcher(request.path()).matches();
            default -> false;
        };
    }

    private Response attempt(Request request, String what, RequestLimits limits) throws IOException {
        EngineDialer.Duplex connection = connection();
        Exchange exchange = new Exchange(connection, SocketTransport.TIMER, what, limits.head());
        inFlight.register(exchange);
        boolean handedOver = false;
        try {
            writeRequest(exchange, request);
            Exchange.Response answer = exchange.response(limits.bodyIdle());
            boolean noBody = "HEAD".equalsIgnoreCase(request.method()) || answer.head().status() == 204
                    || answer.head().status() == 304;
            Body body = new Body(exchange, noBody ? InputStream.nullInputStream() : answer.body(),
                    reusable(answer.head(), noBody));
            handedOver = true;
            return new EngineResponse(answer.head(), body);
        } catch (HttpError error) {
            // a non-2xx head: docker-java wants the status and body itself, not an exception
            handedOver = true;
            return new EngineResponse(new Http1Codec.ResponseHead(error.status(), "", Map.of()),
                    new Body(exchange, new java.io.ByteArrayInputStream(("{\"message\":\""
                            + error.getMessage().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)), false));
        } catch (IOException e) {
            throw asFailure(exchange, e);
        } finally {
            if (!handedOver) {
                inFlight.unregister(exchange);
                exchange.close();
            }
        }
    }

    private IOException asFailure(Exchange exchange, IOException e) {
        if (e instanceof TransportFailure || e instanceof java.net.SocketTimeoutException) {
            return e;
        }
        if (inFlight.closed()) {
            return new TransportFailure(TransportFailure.Kind.CLOSED, exchange.request() + ": the Docker connection"
                    + " was closed", e);
        }
        if (e instanceof java.nio.channels.ClosedByInterruptException) {
            return new TransportFailure(TransportFailure.Kind.INTERRUPTED, exchange.request() + ": interrupted", e);
        }
        return new TransportFailure(TransportFailure.Kind.LOST, exchange.request() + ": " + RawEngine.describe(e), e);
    }

    /** Writes the head and the body: bytes with their length, a stream chunked. */
    private static void writeRequest(Exchange exchange, Request request) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        byte[] bytes = request.bodyBytes();
        InputStream stream = bytes == null ? request.body() : null;
        if (bytes != null) {
            headers.put("Content-Length", String.valueOf(bytes.length));
        } else if (stream != null) {
            headers.put("Transfer-Encoding", "chunked");
        } else if (!"GET".equalsIgnoreCase(request.method()) && !"HEAD".equalsIgnoreCase(request.method())) {
            headers.put("Content-Length", "0");
        }
        var out = exchange.requestBody();
        String path = request.path().startsWith("/") ? request.path() : "/" + request.path();
        Http1Codec.writeHead(out, request.method(), path, headers);
        if (bytes != null) {
            out.write(bytes);
            out.flush();
        } else if (stream != null) {
            try (stream; HttpChunks.Output chunked = new HttpChunks.Output(out, 65536)) {
                stream.transferTo(chunked);
            }
        }
    }

    private static boolean reusable(Http1Codec.ResponseHead head, boolean noBody) {
        String connection = head.header("Connection");
        if (connection != null && connection.toLowerCase(Locale.ROOT).contains("close")) {
            return false;
        }
        if (head.status() == 101) {
            return false;
        }
        String encoding = head.header("Transfer-Encoding");
        return noBody || head.header("Content-Length") != null
                || encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    /** A pooled connection the engine has not closed, or a new one. */
    private EngineDialer.Duplex connection() throws IOException {
        while (true) {
            EngineDialer.Duplex pooled;
            synchronized (idle) {
                pooled = idle.pollFirst();
            }
            if (pooled == null) {
                break;
            }
            if (!pooled.stale()) {
                return pooled;
            }
            pooled.close();
        }
        if (inFlight.closed()) {
            throw new TransportFailure(TransportFailure.Kind.CLOSED, "the Docker connection is closed", null);
        }
        try {
            return dialer.dial();
        } catch (java.nio.channels.ClosedByInterruptException e) {
            throw new TransportFailure(TransportFailure.Kind.INTERRUPTED, "interrupted while connecting", e);
        }
    }

    private void release(EngineDialer.Duplex connection) {
        synchronized (idle) {
            if (!inFlight.closed() && idle.size() < MAX_IDLE) {
                idle.addFirst(connection);
                return;
            }
        }
        connection.close();
    }

    @Override
    public void close() {
        inFlight.close();
        synchronized (idle) {
            idle.forEach(EngineDialer.Duplex::close);
            idle.clear();
        }
    }

    /** A response body that gives its connection back to the pool once read to its end. */
    private final class Body extends BulkInputStream {
        private final Exchange exchange;
        private final InputStream in;
        private final boolean reusable;
        private boolean ended;
        private boolean closed;

        Body(Exchange exchange, InputStream in, boolean reusable) {
            this.exchange = exchange;
            this.in = in;
            this.reusable = reusable;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            try {
                int n = in.read(b, off, len);
                if (n < 0) {
                    ended = true;
                }
                return n;
            } catch (IOException e) {
                throw asFailure(exchange, e);
            }
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            inFlight.unregister(exchange);
            if (ended && reusable) {
                release(exchange.connection());
            } else {
                exchange.close();
            }
        }
    }

    private record EngineResponse(Http1Codec.ResponseHead head, Body body) implements Response {
        @Override
        public int getStatusCode() {
            return head.status();
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            head.headers().forEach((name, value) -> headers.put(name, List.of(value)));
            return headers;
        }

        @Override
        public String getHeader(String name) {
            return head.header(name);
        }

        @Override
        public InputStream getBody() {
            return body;
        }

        @Override
        public void close() {
            body.close();
        }
    }
}
