package dev.berth.core.internal.images;

import dev.berth.core.internal.EngineDocker;
import dev.berth.Image;
import dev.berth.ImageInfo;
import dev.berth.ImageLayer;
import dev.berth.ImageNotFoundException;
import java.util.List;

/** An image handle. */
final class EngineImage implements Image {
    private final EngineDocker engine;
    private final String id;
    private final String reference;

    EngineImage(EngineDocker engine, String id, String reference) {
        this.engine = engine;
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
        return engine.images().inspect(reference);
    }

    @Override
    public Image tag(String target) {
        return engine.images().tag(id, target);
    }

    @Override
    public List<ImageLayer> history() {
        return engine.images().history(reference);
    }

    @Override
    public void remove() {
        engine.images().remove(reference, false, false);
    }

    @Override
    public void close() {
        try {
            engine.images().remove(reference, true, false);
        } catch (ImageNotFoundException alreadyGone) {
            // closing is idempotent
        }
    }

    @Override
    public String toString() {
        return "Image " + reference + (reference.equals(id) ? "" : " (" + id + ")");
    }
}
