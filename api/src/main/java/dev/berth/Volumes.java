package dev.berth;

import java.util.List;
import java.util.Optional;

/** {@code docker volume create / ls / inspect / rm / prune}. */
public interface Volumes {
    Volume create(String name);

    Volume create(VolumeSpec spec);

    Volume get(String name);

    Optional<Volume> find(String name);

    List<VolumeInfo> list();

    List<VolumeInfo> list(Filter filter);

    /** {@code docker volume prune}: removes volumes no container uses; the report lists them. */
    PruneReport prune(Filter filter);
}
