package dev.berth;

/**
 * A named volume. {@link #close()} removes it (quietly if it is already gone), unless the handle {@link #adopted()}
 * a volume that existed before: Berth never deletes what it did not create unless told to by name
 * ({@link #remove()}).
 */
public interface Volume extends AutoCloseable {
    /**
     * The volume's name ({@code docker volume ls}).
     *
     * @return the name
     */
    String name();

    /**
     * True when {@code getOrCreate} found the volume already there: {@code close()} then leaves it alone.
     *
     * @return whether this handle adopted an existing volume
     */
    boolean adopted();

    /**
     * {@code docker volume inspect}.
     *
     * @return driver, mount point, labels, options
     * @throws VolumeNotFoundException when it is gone
     */
    VolumeInfo inspect();

    /**
     * {@code docker volume rm}; the data in it is deleted.
     *
     * @throws ConflictException when a container uses it (naming the container)
     * @throws VolumeNotFoundException when it is gone
     */
    void remove();

    /**
     * {@code docker volume rm -f}: no error when it is already gone (a volume in use is still refused).
     *
     * @throws ConflictException when a container uses it
     */
    void removeForced();

    /**
     * {@code docker volume rm NAME}, ignoring a volume that is already gone: the data in it is deleted, unless the
     * handle {@link #adopted()} a volume that existed before, which is left alone. Not forced: a volume a container
     * still uses stays and this throws {@link ConflictException} naming the container (remove the container first).
     */
    @Override
    void close();
}
