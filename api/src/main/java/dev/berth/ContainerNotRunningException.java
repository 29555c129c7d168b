package dev.berth;

/** The operation (exec, pause, …) needs a running container and this one is not. */
public class ContainerNotRunningException extends ConflictException {
    /**
     * @param container the container's name or id
     * @param operation what was tried, e.g. "exec"
     * @param state the state the engine reported
     * @param cause the engine's error, or null
     */
    public ContainerNotRunningException(String container, String operation, String state, Throwable cause) {
        super("Cannot " + operation + " in container " + container + ": it is not running (" + state + ")."
                + " Start it first (container.start()), or check its logs for why it stopped.", cause);
    }
}
