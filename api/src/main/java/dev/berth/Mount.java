package dev.berth;

import java.nio.file.Path;

/** Something mounted into a container: a named volume, a host directory, or a tmpfs. */
public sealed interface Mount permits Mount.Volume, Mount.Bind, Mount.Tmpfs {
    /**
     * The path inside the container.
     *
     * @return an absolute path
     */
    String target();

    /**
     * Whether the container can only read it ({@code :ro}, {@code readonly}).
     *
     * @return true when read-only
     */
    boolean readOnly();

    /**
     * {@code -v name:target} / {@code --mount type=volume,source=name,target=target}.
     *
     * @param name the named volume
     * @param target the absolute path in the container
     * @return the mount, read-write
     * @throws InvalidSpecException when the name or target is invalid
     */
    static Volume volume(String name, String target) {
        return new Volume(name, target, false);
    }

    /**
     * {@code -v /host/path:target} / {@code --mount type=bind}.
     *
     * @param source the host file or directory (it must exist)
     * @param target the absolute path in the container
     * @return the mount, read-write
     * @throws InvalidSpecException when the target is invalid
     */
    static Bind bind(Path source, String target) {
        return new Bind(source, target, false);
    }

    /**
     * {@code --mount type=tmpfs,target=target}: an in-memory file system.
     *
     * @param target the absolute path in the container
     * @return the mount, engine-default size and mode
     * @throws InvalidSpecException when the target is invalid
     */
    static Tmpfs tmpfs(String target) {
        return new Tmpfs(target, 0, 0);
    }

    /**
     * A named volume; created by the engine on first use when it does not exist yet.
     *
     * @param name the volume's name
     * @param target the path in the container
     * @param readOnly whether it is mounted read-only
     */
    record Volume(String name, String target, boolean readOnly) implements Mount {
        /**
         * Checks the values.
         *
         * @param name see {@link #name()}
         * @param target see {@link #target()}
         * @param readOnly see {@link #readOnly()}
         * @throws InvalidSpecException when the name or target is invalid
         */
        public Volume {
            Validation.objectName("volume name", name, "name the volume with letters, digits, '_', '.' or '-', e.g."
                    + " Mount.volume(\"data\", \"/data\")");
            checkTarget(target);
        }

        /**
         * {@code -v name:target:ro}.
         *
         * @return the same mount, read-only
         */
        public Volume asReadOnly() {
            return new Volume(name, target, true);
        }
    }

    /**
     * A host path; it must exist (the engine does not create it for mounts).
     *
     * @param source the host path
     * @param target the path in the container
     * @param readOnly whether it is mounted read-only
     */
    record Bind(Path source, String target, boolean readOnly) implements Mount {
        /**
         * Checks the values.
         *
         * @param source see {@link #source()}
         * @param target see {@link #target()}
         * @param readOnly see {@link #readOnly()}
         * @throws InvalidSpecException when the source is null or the target invalid
         */
        public Bind {
            if (source == null) {
                throw new InvalidSpecException("bind source", null, "a bind mount needs a host path",
                        "pass e.g. Path.of(\"src/test/resources\")");
            }
            source = source.toAbsolutePath().normalize();
            checkTarget(target);
        }

        /**
         * {@code -v /host/path:target:ro}.
         *
         * @return the same mount, read-only
         */
        public Bind asReadOnly() {
            return new Bind(source, target, true);
        }
    }

    /**
     * An in-memory file system; size 0 means the engine default (half the RAM).
     *
     * @param target the path in the container
     * @param sizeBytes the size limit in bytes, 0 for the default
     * @param mode the permission bits, 0 for the default (1777)
     */
    record Tmpfs(String target, long sizeBytes, int mode) implements Mount {
        /**
         * Checks the values.
         *
         * @param target see {@link #target()}
         * @param sizeBytes see {@link #sizeBytes()}
         * @param mode see {@link #mode()}
         * @throws InvalidSpecException when the target is invalid, the size negative or the mode not 0 to 07777
         */
        public Tmpfs {
            checkTarget(target);
            if (sizeBytes < 0) {
                throw new InvalidSpecException("tmpfs size", sizeBytes, "a size must not be negative",
                        "give e.g. size(\"64m\"), or leave it out for the engine default");
            }
            if (mode < 0 || mode > 07777) {
                throw new InvalidSpecException("tmpfs mode", Integer.toOctalString(mode),
                        "a mode is an octal permission from 0 to 07777", "write it in octal, e.g. mode(01777)");
            }
        }

        /**
         * {@code --mount type=tmpfs,tmpfs-size=SIZE}.
         *
         * @param size e.g. "64m"
         * @return a new mount; this one is unchanged
         * @throws InvalidSpecException when it does not parse
         */
        public Tmpfs size(String size) {
            return new Tmpfs(target, Validation.parseSize("tmpfs size", size), mode);
        }

        /**
         * {@code --mount type=tmpfs,tmpfs-mode=MODE}.
         *
         * @param octalMode e.g. 01777
         * @return a new mount; this one is unchanged
         * @throws InvalidSpecException when it is not 0 to 07777
         */
        public Tmpfs mode(int octalMode) {
            return new Tmpfs(target, sizeBytes, octalMode);
        }

        /**
         * A tmpfs is always writable.
         *
         * @return false
         */
        @Override
        public boolean readOnly() {
            return false;
        }
    }

    private static void checkTarget(String target) {
        if (target == null || !target.startsWith("/")) {
            throw new InvalidSpecException("mount target", target, "a mount target must be an absolute container path",
                    "start it with '/', e.g. \"/data\"");
        }
    }
}
