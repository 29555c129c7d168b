package dev.berth;

/** Another container already has the requested name. */
public class NameConflictException extends ConflictException {
    private final String name;
    private final String existingId;

    public NameConflictException(String name, String existingId, Throwable cause) {
        super("The container name '" + name + "' is already in use"
                + (existingId == null ? "" : " by container " + existingId)
                + ". Remove it (docker.containers().get(\"" + name + "\").close()), or choose another name,"
                + " or leave the name out and let the engine pick one.", cause);
        this.name = name;
        this.existingId = existingId;
    }

    /** A name clash for another kind of object (network, volume). */
    public NameConflictException(String kind, String name, String existingId, String fix, Throwable cause) {
        super("A " + kind + " named '" + name + "' already exists" + (existingId == null ? "" : " (" + existingId + ")")
                + ". " + fix, cause);
        this.name = name;
        this.existingId = existingId;
    }

    public String name() {
        return name;
    }

    /** Id of the container holding the name, when the engine said. */
    public String existingId() {
        return existingId;
    }
}
