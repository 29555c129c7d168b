package dev.berth;

import java.nio.file.Path;

/** Something mounted into a container: a named volume, a host directory, or a tmpfs. */
public sealed interface Mount permits Mount.Volume, Mount.Bind, Mount.Tmpfs {
    String target();

    boolean readOnly();

    static Volume volume(String name, String target) {
        return new Volume(name, target, false);
    }

    static Bind bind(Path source, String target) {
        return new Bind(source, target, false);
    }

    static Tmpfs tmpfs(String target) {
        return new Tmpfs(target, 0, 0);
    }

    /** A named volume; created by the engine on first use when it does not exist yet. */
    record Volume(String name, String target, boolean readOnly) implements Mount {
        public Volume {
            Validation.notBlank("volume name", name, "name the volume, e.g. Mount.volume(\"data\", \"/data\")");
            checkTarget(target);
        }

        public Volume asReadOnly() {
            return new Volume(name, target, true);
        }
    }

    /** A host path; it must exist (the engine does not create it for mounts). */
    record Bind(Path source, String target, boolean readOnly) implements Mount {
        public Bind {
            if (source == null || !source.isAbsolute() && !source.toAbsolutePath().isAbsolute()) {
                throw new InvalidSpecException("bind source", source, "a bind mount needs a host path", null);
            }
            source = source.toAbsolutePath().normalize();
            checkTarget(target);
        }

        public Bind asReadOnly() {
            return new Bind(source, target, true);
        }
    }

    /** An in-memory file system; size 0 means the engine default (half the RAM). */
    record Tmpfs(String target, long sizeBytes, int mode) implements Mount {
        public Tmpfs {
            checkTarget(target);
        }

        public Tmpfs size(String size) {
            return new Tmpfs(target, Validation.parseSize("tmpfs size", size), mode);
        }

        public Tmpfs mode(int octalMode) {
            return new Tmpfs(target, sizeBytes, octalMode);
        }

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
