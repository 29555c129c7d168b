package dev.berth;

/** No network with that id or name. */
public class NetworkNotFoundException extends NotFoundException {
    /**
     * @param idOrName the id or name looked for
     * @param cause the engine's error, or null
     */
    public NetworkNotFoundException(String idOrName, Throwable cause) {
        super("No network '" + idOrName + "'. Create it first (docker.networks().create(\"" + idOrName + "\")) or list"
                + " the ones that exist with docker.networks().list().", cause);
    }
}
