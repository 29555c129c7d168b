package dev.berth;

/** Labels Berth puts on everything it creates, so it can be found and cleaned up. */
public final class BerthLabels {
    /** "true" on every object Berth created. */
    public static final String MANAGED = "dev.berth.managed";
    /** Id of the {@link Docker} connection (session) that created the object. */
    public static final String SESSION = "dev.berth.session";
    /** Berth version that created the object. */
    public static final String VERSION = "dev.berth.version";
    /**
     * Random id of the create call, on volumes: the engine answers a create of an existing name with the existing
     * volume, and this label is how Berth tells its new volume from someone else's.
     */
    public static final String CREATION = "dev.berth.creation";

    /**
     * "true" on an object meant to outlive the process that created it (a container reused across test runs): the
     * sweep of what dead Berth processes left behind never removes it. Whoever sets it owns the removal.
     */
    public static final String KEEP = "dev.berth.keep";

    private BerthLabels() {
    }
}
