package dev.berth;

import java.util.List;

/** An image handle. {@link #close()} removes this reference (force), quietly if it is already gone. */
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

    @Override
    void close();
}
