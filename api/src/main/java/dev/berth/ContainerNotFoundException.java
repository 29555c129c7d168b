package dev.berth;

/** No container with that id or name. */
public class ContainerNotFoundException extends NotFoundException {
    private final String idOrName;

    /**
     * @param idOrName the id or name that was looked for
     * @param cause the engine's error, or null
     */
    public ContainerNotFoundException(String idOrName, Throwable cause) {
        super("No container '" + idOrName + "'. List what exists with docker.containers().list(ContainerFilter.all())"
                + " (docker ps -a); it may have been removed or auto-removed when it exited.", cause);
        this.idOrName = idOrName;
    }

    /**
     * The id or name that was looked for.
     *
     * @return it, as given
     */
    public String idOrName() {
        return idOrName;
    }
}
