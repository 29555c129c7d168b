package dev.berth;

/** Another container already has the requested name. */
public class NameConflictException extends ConflictException {
    private final String name;
    private final String existingId;

    /**
     * A container name clash ({@code docker run --name} of a name in use).
     *
     * @param name the name asked for
     * @param existingId the id of the container holding it, or null
     * @param cause the engine's error, or null
     */
    public NameConflictException(String name, String existingId, Throwable cause) {
        super("The container name '" + name + "' is already in use"
                + (existingId == null ? "" : " by container " + existingId)
                + ". Remove it (docker.containers().get(\"" + name + "\").close()), or choose another name,"
                + " or leave the name out and let the engine pick one.", cause);
        this.name = name;
        this.existingId = existingId;
    }

    /**
     * A name clash for another kind of object (network, volume).
     *
     * @param kind "network", "volume", …
     * @param name the name asked for
     * @param existingId the id of the object holding it, or null
     * @param fix how to fix it
     * @param cause the engine's error, or null
     */
    public NameConflictException(String kind, String name, String existingId, String fix, Throwable cause) {
        super("A " + kind + " named '" + name + "' already exists" + (existingId == null ? "" : " (" + existingId + ")")
                + ". " + fix, cause);
        this.name = name;
        this.existingId = existingId;
    }

    /**
     * The name asked for.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Id of the object holding the name, when the engine said.
     *
     * @return the id, or null
     */
    public String existingId() {
        return existingId;
    }
}
