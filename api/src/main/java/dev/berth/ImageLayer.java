package dev.berth;

import java.time.Instant;
import java.util.List;

/** One row of {@code docker history}. */
public record ImageLayer(String id, Instant created, String createdBy, long sizeBytes, List<String> tags,
        String comment) {
    /**
     * Copies the collections, so the value cannot change.
     *
     * @param id see {@link #id()}
     * @param created see {@link #created()}
     * @param createdBy see {@link #createdBy()}
     * @param sizeBytes see {@link #sizeBytes()}
     * @param tags see {@link #tags()}
     * @param comment see {@link #comment()}
     */
    public ImageLayer {
        tags = List.copyOf(tags);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%9.1f kB  %s", sizeBytes / 1e3, createdBy);
    }
}
