package dev.berth;

import java.util.List;
import java.util.Optional;

/** {@code docker network create / ls / inspect / rm / prune}. */
public interface Networks {
    Network create(String name);

    Network create(NetworkSpec spec);

    /** By id or name; {@link NotFoundException} when there is none. */
    Network get(String idOrName);

    Optional<Network> find(String idOrName);

    List<NetworkInfo> list();

    List<NetworkInfo> list(Filter filter);

    /** {@code docker network prune}: removes networks no container uses. */
    PruneReport prune(Filter filter);
}
