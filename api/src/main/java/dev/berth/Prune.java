package dev.berth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code docker system prune} removes. {@link #everything()} is {@code docker system prune -a -f --volumes};
 * {@link #onlyBerth()} narrows any prune to what Berth created (safe on a developer's machine). Label filters
 * narrow it further. Immutable.
 */
public record Prune(boolean containers, boolean images, boolean allUnusedImages, boolean volumes, boolean networks,
        boolean buildCache, Map<String, String> labels) {
    /**
     * Copies the collections, so the value cannot change.
     *
     * @param containers see {@link #containers()}
     * @param images see {@link #images()}
     * @param allUnusedImages see {@link #allUnusedImages()}
     * @param volumes see {@link #volumes()}
     * @param networks see {@link #networks()}
     * @param buildCache see {@link #buildCache()}
     * @param labels see {@link #labels()}
     */
    public Prune {
        labels = Map.copyOf(labels);
    }

    /**
     * Stopped containers, all unused images, unused volumes and networks, build cache.
     *
     * @return the prune
     */
    public static Prune everything() {
        return new Prune(true, true, true, true, true, true, Map.of());
    }

    /**
     * Like {@code docker system prune} without -a: dangling images only, and no volumes.
     *
     * @return the prune
     */
    public static Prune defaults() {
        return new Prune(true, true, false, false, true, true, Map.of());
    }

    /**
     * Only objects carrying {@value BerthLabels#MANAGED}=true (the build cache has no labels, so it is skipped).
     *
     * @return a new prune; this one is unchanged
     */
    public Prune onlyBerth() {
        return withLabel(BerthLabels.MANAGED, "true");
    }

    /**
     * Only objects carrying this label (the build cache has no labels, so it is skipped).
     *
     * @param key the label's key
     * @param value its value
     * @return a new prune; this one is unchanged
     */
    public Prune withLabel(String key, String value) {
        var copy = new LinkedHashMap<>(labels);
        Validation.labelKey(key);
        copy.put(key, Validation.required("value of label " + key, value, "pass \"\" for an empty value"));
        return new Prune(containers, images, allUnusedImages, volumes, networks, buildCache, copy);
    }

    /**
     * Leaves volumes alone ({@code docker system prune} without {@code --volumes}).
     *
     * @return a new prune; this one is unchanged
     */
    public Prune withoutVolumes() {
        return new Prune(containers, images, allUnusedImages, false, networks, buildCache, labels);
    }

    /**
     * Leaves images alone.
     *
     * @return a new prune; this one is unchanged
     */
    public Prune withoutImages() {
        return new Prune(containers, false, false, volumes, networks, buildCache, labels);
    }
}
