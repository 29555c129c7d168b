package dev.berth;

/**
 * A named volume. {@link #close()} removes it (quietly if it is already gone), unless the handle {@link #adopted()}
 * a volume that existed before: Berth never deletes what it did not create unless told to by name
 * ({@link #remove()}).
 */
public interface Volume extends AutoCloseable {
    String name();

    /** True when {@code getOrCreate} found the volume already there: {@code close()} then leaves it alone. */
    boolean adopted();

    VolumeInfo inspect();

    /** {@code docker volume rm}; a volume in use is a {@link ConflictException} naming the container. */
    void remove();

    /** {@code docker volume rm -f}: no error when it is already gone (a volume in use is still refused). */
    void removeForced();

    @Override
    void close();
}
