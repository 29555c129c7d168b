package dev.berth.core.internal.transport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one HTTP error of Berth's transports: a non-2xx answer, its status and the engine's own message. */
public final class HttpError extends RuntimeException {
    private static final Pattern JSON_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private final int status;

    public HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    /** From an answer's status and body: the body's {"message": …} when there is one. */
    static HttpError of(int status, String body) {
        return new HttpError(status, engineMessage(body));
    }

    public int status() {
        return status;
    }

    /** The engine's own message in a text: the JSON {"message": …} if present, without "Status 409: " wrapping. */
    public static String engineMessage(String text) {
        Matcher m = JSON_MESSAGE.matcher(text);
        if (m.find()) {
            return m.group(1).replace("\\\"", "\"").replace("\\n", " ").strip();
        }
        return text.replaceFirst("^Status \\d+: ", "").strip();
    }
}
