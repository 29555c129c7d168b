package dev.berth;

/** The engine has no object of that kind with that id or name. */
public class NotFoundException extends DockerException {
    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
