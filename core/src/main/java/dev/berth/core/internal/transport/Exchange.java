package dev.berth.core.internal.transport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One request on one of Berth's own connections, opened by {@link SocketTransport}: the request body goes out on
 * {@link #requestBody()}, the answer comes back from {@link #response()}.
 *
 * <p>Deadlines are idle deadlines: a read that gets no byte within the limit closes the connection and fails with a
 * {@link SocketTimeoutException}; bytes sent in either direction count as progress (a build's context upload keeps
 * its answer's deadline from running out). The head has the request timeout; the body has the caller's idle limit
 * ({@code Duration.ZERO}: none, for interactive streams that are bounded elsewhere).
 */
public final class Exchange implements AutoCloseable {
    private final EngineDialer.Duplex connection;
    private final ScheduledExecutorService timer;
    private final String request;
    private final OutputStream out;
    private final InputStream in;
    private volatile long limitNanos;
    private volatile boolean headRead;
    private volatile boolean timedOut;
    private volatile boolean cancelled;
    private ScheduledFuture<?> pending;
    private int reading;

    private final InFlight owner;

    Exchange(EngineDialer.Duplex connection, ScheduledExecutorService timer, String request, Duration headLimit) {
        this(connection, timer, request, headLimit, null);
    }

    /** An exchange that leaves {@code owner}'s in-flight set when closed. */
    Exchange(EngineDialer.Duplex connection, ScheduledExecutorService timer, String request, Duration headLimit,
            InFlight owner) {
        this.owner = owner;
        this.connection = connection;
        this.timer = timer;
        this.request = request;
        this.limitNanos = headLimit.toNanos();
        this.out = new Progressing(connection.out());
        this.in = new BufferedInputStream(new Guarded(connection.in()), 65536);
    }

    /** Where the request body goes (the head is already written); framing it is the caller's choice. */
    public OutputStream requestBody() {
        return out;
    }

    /**
     * Reads the answer's head within the request timeout and returns it with its framed body, whose reads then have
     * the given idle limit. A non-2xx answer (other than 101 Switching Protocols) becomes an {@link HttpError}.
     */
    public Response response(Duration bodyIdleLimit) throws IOException {
        Http1Codec.ResponseHead head = Http1Codec.readHead(in);
        headRead = true;
        limitNanos = bodyIdleLimit.toNanos();
        if (!head.successful()) {
            throw Http1Codec.error(head, in);
        }
        return new Response(head, Http1Codec.body(head, in));
    }

    /**
     * For a request that asked to upgrade: once the engine agrees (101, or 200 from engines that hijack without
     * saying so) the connection itself is the stream, with the given idle limit.
     */
    public InputStream upgraded(Duration idleLimit) throws IOException {
        Http1Codec.ResponseHead head = Http1Codec.readHead(in);
        headRead = true;
        limitNanos = idleLimit.toNanos();
        if (!head.successful()) {
            throw Http1Codec.error(head, in);
        }
        return in;
    }

    /** A status line and headers, and the body they frame. */
    public record Response(Http1Codec.ResponseHead head, InputStream body) {
    }

    /** Tells the engine the request body has ended, while its answer may still be read. */
    public void closeOutput() throws IOException {
        connection.closeOutput();
    }

    @Override
    public void close() {
        if (owner != null) {
            owner.unregister(this);
        }
        connection.close();
    }

    /** Ends the exchange because its {@code Docker} is closing: waiting reads fail as {@code CLOSED}. */
    void cancel() {
        cancelled = true;
        connection.close();
    }

    EngineDialer.Duplex connection() {
        return connection;
    }

    /** What this exchange is, for messages: method and path. */
    String request() {
        return request;
    }

    private synchronized void arm() {
        reading++;
        schedule();
    }

    private synchronized void disarm() {
        reading--;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        if (reading > 0) {
            schedule();
        }
    }

    /** Bytes moved: the idle clock of a waiting read starts again. */
    private synchronized void progress() {
        if (reading > 0) {
            if (pending != null) {
                pending.cancel(false);
            }
            schedule();
        }
    }

    private void schedule() {
        long limit = limitNanos;
        if (limit > 0) {
            pending = timer.schedule(this::expire, limit, TimeUnit.NANOSECONDS);
        }
    }

    private void expire() {
        timedOut = true;
        connection.close();
    }

    private IOException translate(IOException e) {
        if (e instanceof TransportFailure) {
            return e;
        }
        if (cancelled) {
            return new TransportFailure(TransportFailure.Kind.CLOSED, request + ": the Docker connection was closed", e);
        }
        if (e instanceof java.nio.channels.ClosedByInterruptException) {
            return new TransportFailure(TransportFailure.Kind.INTERRUPTED, request + ": interrupted", e);
        }
        if (timedOut) {
            SocketTimeoutException timeout = new SocketTimeoutException(request + ": no data from the engine within "
                    + Duration.ofNanos(limitNanos).toMillis() + " ms" + (headRead ? ""
                    : " (a hung or overloaded engine? raise DockerSettings.requestTimeout(...) if it is just slow)"));
            timeout.initCause(e);
            return timeout;
        }
        return new TransportFailure(TransportFailure.Kind.LOST, request + ": " + RawEngine.describe(e), e);
    }

    /** Reads under the idle deadline. */
    private final class Guarded extends BulkInputStream {
        private final InputStream raw;

        Guarded(InputStream raw) {
            this.raw = raw;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            arm();
            try {
                int n = raw.read(b, off, len);
                if (n < 0 && (timedOut || cancelled)) {
                    throw translate(new IOException("connection closed"));
                }
                return n;
            } catch (IOException e) {
                throw translate(e);
            } finally {
                disarm();
            }
        }

        @Override
        public void close() {
            connection.close();
        }
    }

    /** Writes count as progress for a read waiting on the same exchange. */
    private final class Progressing extends OutputStream {
        private final OutputStream raw;

        Progressing(OutputStream raw) {
            this.raw = raw;
        }

        @Override
        public void write(int b) throws IOException {
            raw.write(b);
            progress();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            raw.write(b, off, len);
            progress();
        }

        @Override
        public void flush() throws IOException {
            raw.flush();
        }
    }
}
