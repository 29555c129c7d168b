package dev.berth;

import java.util.List;
import java.util.Optional;

/** {@code docker network create / ls / inspect / rm / prune}. */
public interface Networks {
    /** {@code docker network create}; a name that exists is a {@link NameConflictException}. */
    Network create(String name);

    Network create(NetworkSpec spec);

    /**
     * The network of that name, created if missing. A handle to a network that existed says so
     * ({@link Network#adopted()}) and its {@code close()} leaves the network alone.
     */
    Network getOrCreate(String name);

    /** As {@link #getOrCreate(String)}; the spec applies only when the network is created. */
    Network getOrCreate(NetworkSpec spec);

    /** By id or name; {@link NotFoundException} when there is none. */
    Network get(String idOrName);

    Optional<Network> find(String idOrName);

    List<NetworkInfo> list();

    List<NetworkInfo> list(Filter filter);

    /** {@code docker network prune}: removes networks no container uses. */
    PruneReport prune(Filter filter);
}
