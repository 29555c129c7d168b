package dev.berth.core.internal.transport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every exchange open on one {@code Docker} connection, on both transports, so that {@code close()} can end them all:
 * a wait, a follow or an exec blocked on the engine fails at once with a typed "closed" error instead of staying
 * blocked.
 */
public final class InFlight {
    private final Set<Exchange> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    void register(Exchange exchange) throws TransportFailure {
        open.add(exchange);
        if (closed) {
            // closed between the caller's check and now: do not leave this one behind
            open.remove(exchange);
            exchange.cancel();
            throw new TransportFailure(TransportFailure.Kind.CLOSED, exchange.request()
                    + ": the Docker connection is closed", null);
        }
    }

    void unregister(Exchange exchange) {
        open.remove(exchange);
    }

    public boolean closed() {
        return closed;
    }

    /** How many exchanges are open (tests check nothing is left after close). */
    public int size() {
        return open.size();
    }

    public void close() {
        closed = true;
        for (Exchange exchange : open) {
            exchange.cancel();
        }
        open.clear();
    }
}
