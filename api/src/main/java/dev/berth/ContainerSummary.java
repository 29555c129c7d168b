package dev.berth;

import java.time.Instant;
import java.util.Map;

/** One row of {@code docker ps}. */
public record ContainerSummary(String id, String name, String image, ContainerStatus status, String statusText,
        Instant created, Map<String, String> labels) {
    public ContainerSummary {
        labels = Map.copyOf(labels);
    }

    @Override
    public String toString() {
        return ContainerState.shortId(id) + " " + name + " " + image + " " + statusText;
    }
}
