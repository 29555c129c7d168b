package dev.berth;

/** Base of every error Berth throws. Unchecked: callers catch the subtype they can act on. */
public class DockerException extends RuntimeException {
    /** @param message what failed, the value involved and the fix */
    public DockerException(String message) {
        super(message);
    }

    /**
     * @param message what failed, the value involved and the fix
     * @param cause the underlying error
     */
    public DockerException(String message, Throwable cause) {
        super(message, cause);
    }
}
