package dev.berth.core.internal;

/** API version negotiation: speak the engine's version, but never above the newest one Berth is tested with. */
final class ApiVersions {
    /** The newest Engine API version Berth's test suite has run against. */
    static final String HIGHEST_TESTED = "1.41";
    /** Docker's own floor for current engines; an engine reporting nothing is assumed to speak at least this. */
    static final String FALLBACK = "1.24";

    private ApiVersions() {
    }

    static String negotiate(String engineVersion) {
        if (engineVersion == null || engineVersion.isBlank()) {
            return FALLBACK;
        }
        return compare(engineVersion, HIGHEST_TESTED) < 0 ? engineVersion : HIGHEST_TESTED;
    }

    static int compare(String a, String b) {
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
