package dev.berth;

/**
 * The engine did not answer (or stopped sending) within Berth's deadline: a hung, stalled or overloaded engine. The
 * connection was closed; nothing waits on it any more.
 */
public class EngineTimeoutException extends DockerException {
    public EngineTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
