package dev.berth;

import java.util.List;

/** An image handle ({@code docker pull} / {@code build} / {@code tag}). {@link #close()} removes it: see there. */
public interface Image extends AutoCloseable {
    /**
     * The image id ({@code docker images --no-trunc}).
     *
     * @return "sha256:…"
     */
    String id();

    /**
     * The reference this handle was made with (a tag), or the id.
     *
     * @return the reference
     */
    String reference();

    /**
     * {@code docker image inspect}.
     *
     * @return the image's id, tags, size, config and labels
     * @throws ImageNotFoundException when it is gone
     */
    ImageInfo inspect();

    /**
     * {@code docker tag}.
     *
     * @param target the new name[:tag]
     * @return the image under its new tag
     * @throws InvalidImageReferenceException when the target is malformed
     */
    Image tag(String target);

    /**
     * {@code docker history}.
     *
     * @return the layers, newest first
     * @throws ImageNotFoundException when it is gone
     */
    List<ImageLayer> history();

    /**
     * {@code docker rmi}.
     *
     * @throws ImageNotFoundException when it is gone
     * @throws ConflictException when a container uses it
     */
    void remove();

    /**
     * {@code docker rmi -f REFERENCE}, ignoring an image that is already gone. Forced, so a tag goes even while
     * containers use the image (they keep running on it); when other tags share the image only this tag goes.
     * Close only images your code pulled, built or tagged: a handle from {@link Images#get} closes the same way,
     * and a closed pull of a base image means the next run pulls it again.
     */
    @Override
    void close();
}
