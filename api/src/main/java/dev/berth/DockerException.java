package dev.berth;

/** Base of every error Berth throws. Unchecked: callers catch the subtype they can act on. */
public class DockerException extends RuntimeException {
    public DockerException(String message) {
        super(message);
    }

    public DockerException(String message, Throwable cause) {
        super(message, cause);
    }
}
