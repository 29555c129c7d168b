package dev.berth;

import java.util.List;

/**
 * {@code up(spec, UpOption.waitUntilReady(..))} gave up: a service exited, became unhealthy, or was not ready within
 * the timeout. Names the container, its service and state, and carries its last log lines. The stack is left up.
 */
public class StackNotReadyException extends ContainerStartupException {
    private final String service;
    private final String container;
    private final String state;

    /**
     * Creates the exception.
     *
     * @param service the service name
     * @param container the container name
     * @param state why it is not ready
     * @param exitCode the container's exit code, null when it did not exit
     * @param lastLogLines the container's last log lines
     */
    public StackNotReadyException(String service, String container, String state, Integer exitCode,
            List<String> lastLogLines) {
        super("Service '" + service + "' (container " + container + ") is not ready: " + state, exitCode, false,
                lastLogLines);
        this.service = service;
        this.container = container;
        this.state = state;
    }

    /**
     * The service that was not ready.
     *
     * @return the service name in the compose file
     */
    public String service() {
        return service;
    }

    /**
     * The container that was not ready.
     *
     * @return its name
     */
    public String container() {
        return container;
    }

    /**
     * Why the container was not ready.
     *
     * @return e.g. "exited with code 3", "unhealthy", "still starting (health: starting) after PT30S"
     */
    public String state() {
        return state;
    }
}
