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
     * "true" on an object meant to outlive the process that created it (a container reused across test runs): the
     * sweep of what dead Berth processes left behind never removes it. Whoever sets it owns the removal.
     */
    public static final String KEEP = "dev.berth.keep";

    private BerthLabels() {
    }
}
