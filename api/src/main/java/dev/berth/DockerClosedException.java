package dev.berth;

/**
 * The {@link Docker} connection was closed: by {@link Docker#close()} while this call was in flight, or before it was
 * made. Everything in flight on a closed connection ends with this error, never with a transport exception.
 */
public class DockerClosedException extends DockerException {
    public DockerClosedException(String operation) {
        super(operation + ": this Docker connection is closed. Connect again with Docker.connect(), or finish the"
                + " calls before closing it.");
    }

    public DockerClosedException(String operation, Throwable cause) {
        super(operation + ": this Docker connection was closed while the call was in flight. Connect again with"
                + " Docker.connect(), or finish the calls before closing it.", cause);
    }
}
