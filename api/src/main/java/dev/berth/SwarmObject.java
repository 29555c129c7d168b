package dev.berth;

import java.time.Instant;
import java.util.Map;

/**
 * A secret or config as {@code docker secret|config ls} lists it: never its data.
 *
 * @param id the id
 * @param name the name
 * @param labels the labels
 * @param createdAt when it was created
 */
public record SwarmObject(String id, String name, Map<String, String> labels, Instant createdAt) {
    /**
     * Copies the labels.
     *
     * @param id see {@link #id()}
     * @param name see {@link #name()}
     * @param labels see {@link #labels()}
     * @param createdAt see {@link #createdAt()}
     */
    public SwarmObject {
        labels = Map.copyOf(labels);
    }
}
