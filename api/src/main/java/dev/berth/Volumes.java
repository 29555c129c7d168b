package dev.berth;

import java.util.List;
import java.util.Optional;

/** {@code docker volume create / ls / inspect / rm / prune}. */
public interface Volumes {
    /**
     * {@code docker volume create NAME}, except that a name that exists is a {@link NameConflictException}: the
     * engine would hand back the existing volume, and a later {@code close()} would delete someone else's data.
     * Use {@link #getOrCreate(String)} to adopt an existing volume on purpose.
     *
     * @param name the volume's name
     * @return the new volume; close it to remove it
     * @throws NameConflictException when a volume of that name exists
     * @throws InvalidSpecException when the name is not a valid volume name
     */
    Volume create(String name);

    /**
     * {@code docker volume create [--driver] [--opt] [--label] [NAME]}; a spec without a name always makes a new
     * volume.
     *
     * @param spec name, driver, options and labels
     * @return the new volume; close it to remove it
     * @throws NameConflictException when a volume of that name exists
     */
    Volume create(VolumeSpec spec);

    /**
     * The volume of that name, created if missing. A handle to a volume that existed says so
     * ({@link Volume#adopted()}) and its {@code close()} leaves the volume and its data alone.
     *
     * @param name the volume's name
     * @return the volume, new or adopted
     */
    Volume getOrCreate(String name);

    /**
     * As {@link #getOrCreate(String)}; the spec's driver, options and labels apply only when it is created.
     *
     * @param spec name (required), driver, options and labels
     * @return the volume, new or adopted
     */
    Volume getOrCreate(VolumeSpec spec);

    /**
     * {@code docker volume inspect NAME} as a handle.
     *
     * @param name the volume's name
     * @return the volume
     * @throws VolumeNotFoundException when there is none
     */
    Volume get(String name);

    /**
     * Like {@link #get(String)}, but empty instead of an exception.
     *
     * @param name the volume's name
     * @return the volume, or empty
     */
    Optional<Volume> find(String name);

    /**
     * {@code docker volume ls}.
     *
     * @return every volume, of every owner
     */
    List<VolumeInfo> list();

    /**
     * {@code docker volume ls --filter} (label, name, dangling).
     *
     * @param filter which volumes
     * @return the matching volumes
     */
    List<VolumeInfo> list(Filter filter);

    /**
     * {@code docker volume prune}: removes volumes no container uses (named ones too, on every engine version);
     * the report lists them.
     *
     * @param filter which unused volumes (e.g. by label)
     * @return the volumes removed and the space reclaimed
     */
    PruneReport prune(Filter filter);
}
