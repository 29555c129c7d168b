package dev.berth;

import java.util.List;
import java.util.Optional;

/** {@code docker network create / ls / inspect / rm / prune}. */
public interface Networks {
    /**
     * {@code docker network create NAME}.
     *
     * @param name the network's name
     * @return the new network; close it to remove it
     * @throws NameConflictException when a network of that name exists
     */
    Network create(String name);

    /**
     * {@code docker network create [--driver] [--subnet] [--internal] [--label] NAME}.
     *
     * @param spec name, driver, subnet, labels
     * @return the new network; close it to remove it
     * @throws NameConflictException when a network of that name exists
     * @throws ConflictException when the subnet overlaps another network's
     */
    Network create(NetworkSpec spec);

    /**
     * The network of that name, created if missing. A handle to a network that existed says so
     * ({@link Network#adopted()}) and its {@code close()} leaves the network alone.
     *
     * @param name the network's name
     * @return the network, new or adopted
     */
    Network getOrCreate(String name);

    /**
     * As {@link #getOrCreate(String)}; the spec applies only when the network is created.
     *
     * @param spec name (required), driver, subnet, labels
     * @return the network, new or adopted
     */
    Network getOrCreate(NetworkSpec spec);

    /**
     * {@code docker network inspect} as a handle, by id or name.
     *
     * @param idOrName the network's id or name
     * @return the network
     * @throws NetworkNotFoundException when there is none
     */
    Network get(String idOrName);

    /**
     * Like {@link #get(String)}, but empty instead of an exception.
     *
     * @param idOrName the network's id or name
     * @return the network, or empty
     */
    Optional<Network> find(String idOrName);

    /**
     * {@code docker network ls}.
     *
     * @return every network, of every owner (bridge, host and none included)
     */
    List<NetworkInfo> list();

    /**
     * {@code docker network ls --filter} (label, name, driver).
     *
     * @param filter which networks
     * @return the matching networks
     */
    List<NetworkInfo> list(Filter filter);

    /**
     * {@code docker network prune}: removes networks no container uses.
     *
     * @param filter which unused networks (e.g. by label)
     * @return the networks removed
     */
    PruneReport prune(Filter filter);
}
