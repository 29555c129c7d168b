package dev.berth;

import java.util.List;
import java.util.Optional;

/** {@code docker volume create / ls / inspect / rm / prune}. */
public interface Volumes {
    /**
     * {@code docker volume create NAME}, except that a name that exists is a {@link NameConflictException}: the
     * engine would hand back the existing volume, and a later {@code close()} would delete someone else's data.
     * Use {@link #getOrCreate(String)} to adopt an existing volume on purpose.
     */
    Volume create(String name);

    /** As {@link #create(String)}; a spec without a name always makes a new volume. */
    Volume create(VolumeSpec spec);

    /**
     * The volume of that name, created if missing. A handle to a volume that existed says so
     * ({@link Volume#adopted()}) and its {@code close()} leaves the volume and its data alone.
     */
    Volume getOrCreate(String name);

    /** As {@link #getOrCreate(String)}; the spec's driver, options and labels apply only when it is created. */
    Volume getOrCreate(VolumeSpec spec);

    Volume get(String name);

    Optional<Volume> find(String name);

    List<VolumeInfo> list();

    List<VolumeInfo> list(Filter filter);

    /** {@code docker volume prune}: removes volumes no container uses; the report lists them. */
    PruneReport prune(Filter filter);
}
