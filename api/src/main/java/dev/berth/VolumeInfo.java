package dev.berth;

import java.util.Map;

/** {@code docker volume inspect}. */
public record VolumeInfo(String name, String driver, String mountpoint, String scope, Map<String, String> labels,
        Map<String, String> options) {
    /**
     * Copies the collections, so the value cannot change.
     *
     * @param name see {@link #name()}
     * @param driver see {@link #driver()}
     * @param mountpoint see {@link #mountpoint()}
     * @param scope see {@link #scope()}
     * @param labels see {@link #labels()}
     * @param options see {@link #options()}
     */
    public VolumeInfo {
        labels = Map.copyOf(labels);
        options = Map.copyOf(options);
    }

    @Override
    public String toString() {
        return name + " (" + driver + ", " + mountpoint + ")" + (labels.isEmpty() ? "" : " " + labels);
    }
}
