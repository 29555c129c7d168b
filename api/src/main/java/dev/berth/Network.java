package dev.berth;

/**
 * A network ({@code docker network create}). In try-with-resources, {@link #close()} removes it (see there), unless
 * the handle {@link #adopted()} a network that existed before; {@link #remove()} always removes.
 */
public interface Network extends AutoCloseable {
    /**
     * The network id ({@code docker network ls --no-trunc}).
     *
     * @return the id
     */
    String id();

    /**
     * True when {@code getOrCreate} found the network already there: {@code close()} then leaves it alone.
     *
     * @return whether this handle adopted an existing network
     */
    boolean adopted();

    /**
     * The network's name.
     *
     * @return the name
     */
    String name();

    /**
     * {@code docker network inspect}.
     *
     * @return driver, subnets, attached containers, labels
     * @throws NetworkNotFoundException when it is gone
     */
    NetworkInfo inspect();

    /**
     * {@code docker network connect [--alias A] NETWORK CONTAINER}.
     *
     * @param container the container to attach
     * @param aliases names other containers on the network reach it by
     * @throws ConflictException when it is already attached
     */
    void connect(Container container, String... aliases);

    /**
     * {@code docker network disconnect NETWORK CONTAINER}.
     *
     * @param container the container to detach
     * @throws DockerException when it is not attached
     */
    void disconnect(Container container);

    /**
     * {@code docker network rm}.
     *
     * @throws ConflictException when containers are attached
     * @throws NetworkNotFoundException when it is gone
     */
    void remove();

    /**
     * {@code docker network rm}, ignoring a network that is already gone, unless the handle {@link #adopted()} a
     * network that existed before, which is left alone. Containers still attached keep it: this throws
     * {@link ConflictException} (close or disconnect them first; try-with-resources closes in reverse order, so
     * declare the network before its containers).
     */
    @Override
    void close();
}
