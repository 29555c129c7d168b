package dev.berth;

import java.util.Map;

/** {@code docker volume inspect}. */
public record VolumeInfo(String name, String driver, String mountpoint, String scope, Map<String, String> labels,
        Map<String, String> options) {
    public VolumeInfo {
        labels = Map.copyOf(labels);
        options = Map.copyOf(options);
    }

    @Override
    public String toString() {
        return name + " (" + driver + ", " + mountpoint + ")" + (labels.isEmpty() ? "" : " " + labels);
    }
}
