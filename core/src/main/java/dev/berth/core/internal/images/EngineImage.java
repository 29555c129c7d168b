package dev.berth.core.internal.images;

import dev.berth.Image;
import dev.berth.ImageInfo;
import dev.berth.ImageLayer;
import dev.berth.ImageNotFoundException;
import java.util.List;

/** An image handle. */
final class EngineImage implements Image {
    private final EngineImages images;
    private final String id;
    private final String reference;
    /** Untagged last images of earlier build stages this handle's build made; closing removes them too. */
    private final List<String> stageImages;

    EngineImage(EngineImages images, String id, String reference, List<String> stageImages) {
        this.images = images;
        this.id = id;
        this.reference = reference;
        this.stageImages = List.copyOf(stageImages);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String reference() {
        return reference;
    }

    @Override
    public ImageInfo inspect() {
        return images.inspect(reference);
    }

    @Override
    public Image tag(String target) {
        return images.tag(id, target);
    }

    @Override
    public List<ImageLayer> history() {
        return images.history(reference);
    }

    @Override
    public void remove() {
        images.remove(reference, dev.berth.ImageRemoval.defaults());
    }

    @Override
    public void close() {
        try {
            images.remove(reference, dev.berth.ImageRemoval.forced());
        } catch (ImageNotFoundException alreadyGone) {
            // closing is idempotent
        }
        for (String stage : stageImages) {
            try {
                images.remove(stage, dev.berth.ImageRemoval.defaults()); // not forced: a tag or a user keeps it
            } catch (ImageNotFoundException | dev.berth.ConflictException goneOrInUse) {
                // gone with the image (its parent), or tagged or used since: not ours to take
            }
        }
    }

    @Override
    public String toString() {
        return "Image " + reference + (reference.equals(id) ? "" : " (" + id + ")");
    }
}
