package dev.berth;

/** A named volume. {@link #close()} removes it (quietly if it is already gone). */
public interface Volume extends AutoCloseable {
    String name();

    VolumeInfo inspect();

    /** {@code docker volume rm}; a volume in use is a {@link ConflictException} naming the container. */
    void remove();

    /** {@code docker volume rm -f}. */
    void remove(boolean force);

    @Override
    void close();
}
