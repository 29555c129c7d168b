package dev.berth;

/** A swarm call on an engine that is not a swarm manager (or not in a swarm at all). */
public class NotInSwarmException extends DockerException {
    public NotInSwarmException(String message, Throwable cause) {
        super(message, cause);
    }
}
