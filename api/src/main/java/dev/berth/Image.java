package dev.berth;

import java.util.List;

/** An image handle ({@code docker pull} / {@code build} / {@code tag}). {@link #close()} removes it: see there. */
public interface Image extends AutoCloseable {
    /** The image id (sha256:…). */
    String id();

    /** The reference this handle was made with (a tag), or the id. */
    String reference();

    ImageInfo inspect();

    /** {@code docker tag}. */
    Image tag(String target);

    List<ImageLayer> history();

    /** {@code docker rmi}. */
    void remove();

    /**
     * {@code docker rmi -f REFERENCE}, ignoring an image that is already gone. Forced, so a tag goes even while
     * containers use the image (they keep running on it); when other tags share the image only this tag goes. Close only images your code pulled, built or tagged: a handle from {@link Images#get} closes
     * the same way, and a closed pull of a base image means the next run pulls it again.
     */
    @Override
    void close();
}
