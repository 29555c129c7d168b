package dev.berth;

/** A network ({@code docker network create}). In try-with-resources, {@link #close()} removes it: see there. */
public interface Network extends AutoCloseable {
    String id();

    String name();

    NetworkInfo inspect();

    /** {@code docker network connect [--alias A]}. */
    void connect(Container container, String... aliases);

    /** {@code docker network disconnect}. */
    void disconnect(Container container);

    /** {@code docker network rm}; a network with containers attached is a {@link ConflictException}. */
    void remove();

    /**
     * {@code docker network rm}, ignoring a network that is already gone. Containers still attached keep it: this
     * throws {@link ConflictException} (close or disconnect them first; try-with-resources closes in reverse order,
     * so declare the network before its containers). Close only networks your code created: a handle from
     * {@link Networks#get} closes the same way.
     */
    @Override
    void close();
}
