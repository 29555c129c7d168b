package dev.berth;

import java.time.Instant;
import java.util.Map;

/** A secret or config as listed: never its data. */
public record SwarmObject(String id, String name, Map<String, String> labels, Instant createdAt) {
    public SwarmObject {
        labels = Map.copyOf(labels);
    }
}
