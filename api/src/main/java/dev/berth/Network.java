package dev.berth;

/** A network. {@link #close()} removes it (quietly if it is already gone). */
public interface Network extends AutoCloseable {
    String id();

    String name();

    NetworkInfo inspect();

    /** {@code docker network connect [--alias A]}. */
    void connect(Container container, String... aliases);

    /** {@code docker network disconnect}. */
    void disconnect(Container container);

    void remove();

    @Override
    void close();
}
