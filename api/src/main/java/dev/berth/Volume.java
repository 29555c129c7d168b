package dev.berth;

/**
 * A named volume ({@code docker volume create}). In try-with-resources, {@link #close()} removes it: see there.
 */
public interface Volume extends AutoCloseable {
    String name();

    VolumeInfo inspect();

    /** {@code docker volume rm}; a volume in use is a {@link ConflictException} naming the container. */
    void remove();

    /** {@code docker volume rm -f}. */
    void remove(boolean force);

    /**
     * {@code docker volume rm NAME}, ignoring a volume that is already gone: the data in it is deleted. Not forced:
     * a volume a container still uses stays and this throws {@link ConflictException} naming the container (remove
     * the container first). Close only volumes your code created; a handle from {@link Volumes#get} or
     * {@link Volumes#find} closes the same way, so do not put one on a volume you want to keep in
     * try-with-resources.
     */
    @Override
    void close();
}
