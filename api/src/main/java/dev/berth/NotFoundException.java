package dev.berth;

/** The engine has no object of that kind with that id or name. */
public class NotFoundException extends DockerException {
    /** @param message what was not found and the fix */
    public NotFoundException(String message) {
        super(message);
    }

    /**
     * @param message what was not found and the fix
     * @param cause the engine's error, or null
     */
    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
