package dev.berth.core.internal.engine;

import dev.berth.core.internal.transport.RawEngine;
import dev.berth.DockerException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns docker-java's HTTP-flavoured exceptions into Berth's typed ones. */
public final class EngineErrors {
    private static final Pattern JSON_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private EngineErrors() {
    }

    /** The engine's own message, without docker-java's "Status 409: {...}" wrapping. */
    public static String message(Throwable e) {
        String text = e.getMessage();
        if (text == null) {
            return e.getClass().getSimpleName();
        }
        Matcher m = JSON_MESSAGE.matcher(text);
        if (m.find()) {
            return m.group(1).replace("\\\"", "\"").replace("\\n", " ").strip();
        }
        return text.replaceFirst("^Status \\d+: ", "").strip();
    }

    /** A fallback for anything without a more specific translation. */
    public static DockerException generic(String operation, RuntimeException e) {
        if (e instanceof DockerException berth) {
            return berth;
        }
        if (e instanceof RawEngine.HttpError http) {
            return new DockerException(operation + " failed: " + http.getMessage() + " (HTTP " + http.status + ")", e);
        }
        if (e instanceof com.github.dockerjava.api.exception.DockerException d) {
            return new DockerException(operation + " failed: " + message(e) + " (HTTP " + d.getHttpStatus() + ")", e);
        }
        if (hasCause(e, java.net.SocketTimeoutException.class)) {
            return new DockerException(operation + " got no answer from the engine in time (a hung or overloaded"
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
