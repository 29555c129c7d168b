package dev.berth;

/**
 * The connection to the engine broke while a call was under way (the engine restarted, or something between Berth
 * and the engine cut or corrupted the stream). Berth retries what is safe to repeat once; this error means the call
 * could not be completed and its outcome is unknown unless the message says otherwise.
 */
public class EngineConnectionLostException extends DockerException {
    public EngineConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The standard wording: what broke, during which operation, and what to do. */
    public static EngineConnectionLostException during(String operation, Throwable cause) {
        String why = cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")";
        return new EngineConnectionLostException("The connection to the engine was lost during " + operation + why
                + ". Check that the engine is running (`docker version`) and try again.", cause);
    }
}
