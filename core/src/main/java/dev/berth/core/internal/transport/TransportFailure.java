package dev.berth.core.internal.transport;

import java.io.IOException;

/**
 * A request that failed below HTTP: Berth's connection was closed, the engine's stream broke or was corrupt, or the
 * caller was interrupted. {@code engine/EngineErrors} turns it into the typed exception of the operation.
 */
public final class TransportFailure extends IOException {
    /** Why the request could not finish. */
    public enum Kind {
        /** {@code Docker.close()} ended the call, or the call came after it. */
        CLOSED,
        /** The connection broke or the engine's answer was cut or malformed. */
        LOST,
        /** The calling thread was interrupted (its channel is closed by the JDK). */
        INTERRUPTED
    }

    private final Kind kind;

    public TransportFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The failure in {@code e}'s cause chain, if any. */
    public static TransportFailure in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransportFailure failure) {
                return failure;
            }
        }
        return null;
    }
}
