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

    EngineImage(EngineImages images, String id, String reference) {
        this.images = images;
        this.id = id;
        this.reference = reference;
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
    }

    @Override
    public String toString() {
        return "Image " + reference + (reference.equals(id) ? "" : " (" + id + ")");
    }
}
