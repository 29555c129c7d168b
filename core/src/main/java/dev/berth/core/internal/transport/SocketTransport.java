package dev.berth.core.internal.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Berth's own requests on its own connections (exec and attach with stdin, build): the socket-side counterpart of
 * the docker-java transport's layers. Every exchange opened here is counted in the connection's request count, has
 * its head written by the one {@link Http1Codec}, and reads under an idle deadline ({@link Exchange}).
 */
public final class SocketTransport {
    /** Fires idle deadlines; one daemon thread for every connection of the JVM. */
    static final ScheduledThreadPoolExecutor TIMER = timer();

    private final EngineDialer dialer;
    private final AtomicLong requests;
    private final Duration requestTimeout;
    private final InFlight inFlight;
    private volatile String apiVersion;

    public SocketTransport(EngineDialer dialer, AtomicLong requests, Duration requestTimeout) {
        this(dialer, requests, requestTimeout, new InFlight());
    }

    public SocketTransport(EngineDialer dialer, AtomicLong requests, Duration requestTimeout, InFlight inFlight) {
        this.dialer = dialer;
        this.requests = requests;
        this.requestTimeout = requestTimeout;
        this.inFlight = inFlight;
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "berth-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Runs {@code task} once after {@code delay} on the shared deadline timer (no thread per request). */
    public static java.util.concurrent.ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return TIMER.schedule(task, delay.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** After negotiation: versioned paths from now on. */
    public void pin(String version) {
        this.apiVersion = version;
    }

    /**
     * Dials, counts the request and writes its head ({@code path} without the version prefix). The answer's head
     * must come within the request timeout.
     */
    public Exchange open(String method, String path, Map<String, String> headers) throws IOException {
        if (inFlight.closed()) {
            throw new TransportFailure(TransportFailure.Kind.CLOSED, method + " " + path
                    + ": the Docker connection is closed", null);
        }
        EngineDialer.Duplex connection = dialer.dial();
        requests.incrementAndGet();
        Exchange exchange = new Exchange(connection, TIMER, method + " " + path, requestTimeout, inFlight);
        try {
            inFlight.register(exchange);
            Http1Codec.writeHead(exchange.requestBody(), method, "/v" + apiVersion + path, headers);
            return exchange;
        } catch (IOException | RuntimeException e) {
            exchange.close();
            throw e;
        }
    }

    /** Ends what the dialer holds open (an ssh:// engine's local forwarder); call after the clients closed. */
    public void close() {
        dialer.close();
    }

    /** Header names and values, in order. */
    public static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                headers.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return headers;
    }
}
