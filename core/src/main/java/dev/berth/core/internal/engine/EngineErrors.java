package dev.berth.core.internal.engine;

import dev.berth.DockerClosedException;
import dev.berth.DockerException;
import dev.berth.EngineConnectionLostException;
import dev.berth.EngineTimeoutException;
import dev.berth.core.internal.transport.HttpError;
import dev.berth.core.internal.transport.RawEngine;
import dev.berth.core.internal.transport.TransportFailure;

/** Turns docker-java's HTTP-flavoured exceptions into Berth's typed ones. */
public final class EngineErrors {
    private EngineErrors() {
    }

    /** The engine's own message, without docker-java's "Status 409: {...}" wrapping. */
    public static String message(Throwable e) {
        String text = e.getMessage();
        if (text == null) {
            return e.getClass().getSimpleName();
        }
        return e instanceof HttpError ? text : HttpError.engineMessage(text);
    }

    /** The HTTP status of a failed call (304 for docker-java's NotModified), or -1 when it never got an answer. */
    public static int status(RuntimeException e) {
        if (e instanceof HttpError http) {
            return http.status();
        }
        if (e instanceof com.github.dockerjava.api.exception.DockerException d) {
            return d.getHttpStatus();
        }
        return -1;
    }

    /** The exception a failed call throws: its meaning for this call if it has one, else {@link #generic}. */
    static RuntimeException translate(String operation, RuntimeException e, Failures failures) {
        if (e instanceof DockerException berth) {
            return berth;
        }
        var meaning = failures.meaning(status(e));
        RuntimeException meant = meaning == null ? e : meaning.apply(new Failures.Failure(status(e), message(e), e));
        return meant == e ? generic(operation, e) : meant;
    }

    /** What a failure of a stream (a callback's error, a body read) means, typed: closed, lost, timed out. */
    public static DockerException stream(String operation, Throwable e) {
        if (e instanceof DockerException berth) {
            return berth;
        }
        return generic(operation, e instanceof RuntimeException r ? r : new java.io.UncheckedIOException(
                e instanceof java.io.IOException io ? io : new java.io.IOException(e)));
    }

    /** A fallback for anything without a more specific translation. */
    public static DockerException generic(String operation, RuntimeException e) {
        if (e instanceof DockerException berth) {
            return berth;
        }
        if (e instanceof HttpError http) {
            return new DockerException(operation + " failed: " + http.getMessage() + " (HTTP " + http.status() + ")", e);
        }
        if (e instanceof com.github.dockerjava.api.exception.DockerException d) {
            return new DockerException(operation + " failed: " + message(e) + " (HTTP " + d.getHttpStatus() + ")", e);
        }
        TransportFailure failure = TransportFailure.in(e);
        if (failure != null) {
            return switch (failure.kind()) {
                case CLOSED -> new DockerClosedException(operation, e);
                case INTERRUPTED -> new DockerException(operation + " was interrupted (the thread's interrupt flag"
                        + " is set); its outcome on the engine is unknown.", e);
                case LOST -> EngineConnectionLostException.during(operation, failure);
            };
        }
        if (hasCause(e, java.net.SocketTimeoutException.class)) {
            return new EngineTimeoutException(operation + " got no answer from the engine in time (a hung or overloaded"
                    + " engine?). Check `docker version`; raise DockerSettings.requestTimeout(...) if it is just slow.", e);
        }
        return new DockerException(operation + " failed: " + RawEngine.describe(e)
                + ". Is the engine still running? (docker version)", e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
