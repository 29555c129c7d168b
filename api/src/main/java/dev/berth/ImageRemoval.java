package dev.berth;

/**
 * How {@link Images#remove(String, ImageRemoval)} removes: {@code docker rmi [-f] [--no-prune]}. Immutable; start
 * from {@link #defaults()} or {@link #forced()}.
 */
public record ImageRemoval(boolean force, boolean keepUntaggedParents) {
    /**
     * {@code docker rmi}: refused while a container uses the image or it has several tags.
     *
     * @return the removal
     */
    public static ImageRemoval defaults() {
        return new ImageRemoval(false, false);
    }

    /**
     * {@code docker rmi -f}: removes the tag even when other tags or stopped containers refer to the image.
     *
     * @return the removal
     */
    public static ImageRemoval forced() {
        return new ImageRemoval(true, false);
    }

    /**
     * {@code --no-prune}: keep the untagged parent layers.
     *
     * @return a new value; this one is unchanged
     */
    public ImageRemoval keepingUntaggedParents() {
        return new ImageRemoval(force, true);
    }
}
