package dev.berth;

/** The request clashes with the engine's current state (a name in use, a port taken, a resource in use). */
public class ConflictException extends DockerException {
    /**
     * @param message what clashed with what, and the fix
     * @param cause the engine's error, or null
     */
    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
