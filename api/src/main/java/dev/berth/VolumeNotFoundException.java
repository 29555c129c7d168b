package dev.berth;

/** No volume with that name. */
public class VolumeNotFoundException extends NotFoundException {
    /**
     * @param name the name looked for
     * @param cause the engine's error, or null
     */
    public VolumeNotFoundException(String name, Throwable cause) {
        super("No volume '" + name + "'. Create it with docker.volumes().create(\"" + name + "\") or list the ones"
                + " that exist with docker.volumes().list().", cause);
    }
}
