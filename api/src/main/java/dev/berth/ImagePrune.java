package dev.berth;

/**
 * What {@link Images#prune(ImagePrune)} removes: {@code docker image prune [-a] [--filter]}. Immutable, like
 * {@link Prune}: start from {@link #dangling()} or {@link #allUnused()} and narrow with labels or a filter.
 */
public record ImagePrune(boolean allUnusedImages, Filter filter) {
    /**
     * Checks the values.
     *
     * @param allUnusedImages see {@link #allUnusedImages()}
     * @param filter see {@link #filter()}
     * @throws InvalidSpecException when a value breaks its rule
     */
    public ImagePrune {
        Validation.required("image prune filter", filter, "use Filter.none()");
    }

    /**
     * {@code docker image prune}: untagged images no container uses.
     *
     * @return the prune
     */
    public static ImagePrune dangling() {
        return new ImagePrune(false, Filter.none());
    }

    /**
     * {@code docker image prune -a}: every image no container uses, tagged ones too.
     *
     * @return the prune
     */
    public static ImagePrune allUnused() {
        return new ImagePrune(true, Filter.none());
    }

    /**
     * Only images carrying this label.
     *
     * {@code --filter label=KEY=VALUE}.
     *
     * @param key the label's key
     * @param value its value
     * @return a new value; this one is unchanged
     */
    public ImagePrune withLabel(String key, String value) {
        return new ImagePrune(allUnusedImages, filter.label(key, value));
    }

    /**
     * Only what Berth built ({@value BerthLabels#MANAGED}=true).
     *
     * @return a new value; this one is unchanged
     */
    public ImagePrune onlyBerth() {
        return withLabel(BerthLabels.MANAGED, "true");
    }

    /**
     * Replaces the filter (label, until).
     *
     * @param value the filter
     * @return a new value; this one is unchanged
     */
    public ImagePrune withFilter(Filter value) {
        return new ImagePrune(allUnusedImages, value);
    }
}
