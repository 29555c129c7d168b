package dev.berth;

/** A swarm call on an engine that is not a swarm manager (or not in a swarm at all). */
public class NotInSwarmException extends DockerException {
    /**
     * Creates the exception.
     *
     * @param message what failed and the fix ({@code docker swarm init} or a manager node)
     * @param cause the engine's answer
     */
    public NotInSwarmException(String message, Throwable cause) {
        super(message, cause);
    }
}
