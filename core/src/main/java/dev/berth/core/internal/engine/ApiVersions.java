package dev.berth.core.internal.engine;

/** API version negotiation: speak the engine's version, but never above the newest one Berth is tested with. */
public final class ApiVersions {
    /** The newest Engine API version Berth's test suite has run against. */
    static final String HIGHEST_TESTED = "1.51";
    /** Docker's own floor for current engines; an engine reporting nothing is assumed to speak at least this. */
    public static final String FALLBACK = "1.24";

    private ApiVersions() {
    }

    public static String negotiate(String engineVersion) {
        return negotiate(engineVersion, null);
    }

    /**
     * min(engine max, highest tested), but never below the engine's minimum: Docker 29 refuses anything under 1.44,
     * so against it Berth speaks 1.44 (newer than it is tested with) rather than nothing at all.
     */
    public static String negotiate(String engineMax, String engineMin) {
        if (engineMax == null || engineMax.isBlank()) {
            return FALLBACK;
        }
        String pinned = compare(engineMax, HIGHEST_TESTED) < 0 ? engineMax : HIGHEST_TESTED;
        if (engineMin != null && !engineMin.isBlank() && compare(pinned, engineMin) < 0) {
            return engineMin;
        }
        return pinned;
    }

    /** Only an engine newer than Berth's tested version can have a minimum above it: only then is /version asked. */
    public static boolean needsMinimum(String engineMax) {
        return engineMax != null && !engineMax.isBlank() && compare(engineMax, HIGHEST_TESTED) > 0;
    }

    public static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i].trim()) : 0;
            int q = i < y.length ? Integer.parseInt(y[i].trim()) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }
}
