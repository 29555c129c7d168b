package dev.berth;

/**
 * A network. {@link #close()} removes it (quietly if it is already gone), unless the handle {@link #adopted()} a
 * network that existed before; {@link #remove()} always removes.
 */
public interface Network extends AutoCloseable {
    String id();

    /** True when {@code getOrCreate} found the network already there: {@code close()} then leaves it alone. */
    boolean adopted();

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
