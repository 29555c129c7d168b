package dev.berth;

/** A fixed host port could not be bound because something else holds it. The container was removed again. */
public class PortInUseException extends ConflictException {
    private final int hostPort;

    /**
     * @param hostPort the host port asked for
     * @param engineMessage the engine's words
     * @param cause the engine's error, or null
     */
    public PortInUseException(int hostPort, String engineMessage, Throwable cause) {
        super("Host port " + hostPort + " is already in use (engine: " + engineMessage + "). Stop whatever listens on it,"
                + " pick a free port, or publish(containerPort) alone to get a random free host port.", cause);
        this.hostPort = hostPort;
    }

    /**
     * The host port that was taken.
     *
     * @return the port
     */
    public int hostPort() {
        return hostPort;
    }
}
