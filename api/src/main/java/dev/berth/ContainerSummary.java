package dev.berth;

import java.time.Instant;
import java.util.Map;

/** One row of {@code docker ps}. */
public record ContainerSummary(String id, String name, String image, ContainerStatus status, String statusText,
        Instant created, Map<String, String> labels) {
    /**
     * Copies the collections, so the value cannot change.
     *
     * @param id see {@link #id()}
     * @param name see {@link #name()}
     * @param image see {@link #image()}
     * @param status see {@link #status()}
     * @param statusText see {@link #statusText()}
     * @param created see {@link #created()}
     * @param labels see {@link #labels()}
     */
    public ContainerSummary {
        labels = Map.copyOf(labels);
    }

    @Override
    public String toString() {
        return ContainerState.shortId(id) + " " + name + " " + image + " " + statusText;
    }
}
