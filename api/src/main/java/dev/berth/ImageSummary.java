package dev.berth;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One row of {@code docker images}. */
public record ImageSummary(String id, List<String> tags, List<String> digests, long sizeBytes, Instant created,
        Map<String, String> labels) {
    /**
     * Copies the collections, so the value cannot change.
     *
     * @param id see {@link #id()}
     * @param tags see {@link #tags()}
     * @param digests see {@link #digests()}
     * @param sizeBytes see {@link #sizeBytes()}
     * @param created see {@link #created()}
     * @param labels see {@link #labels()}
     */
    public ImageSummary {
        tags = List.copyOf(tags);
        digests = List.copyOf(digests);
        labels = Map.copyOf(labels);
    }

    /**
     * Whether the image has no tag ({@code <none>:<none>} in {@code docker images}).
     *
     * @return true when untagged
     */
    public boolean dangling() {
        return tags.isEmpty();
    }

    @Override
    public String toString() {
        String shortId = id.startsWith("sha256:") ? id.substring(7, Math.min(id.length(), 19)) : id;
        return (tags.isEmpty() ? "<none>" : String.join(", ", tags)) + " " + shortId + " "
                + String.format(java.util.Locale.ROOT, "%.1f MB", sizeBytes / 1e6);
    }
}
