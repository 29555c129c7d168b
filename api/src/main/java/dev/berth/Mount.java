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
            Validation.objectName("volume name", name, "name the volume with letters, digits, '_', '.' or '-', e.g."
                    + " Mount.volume(\"data\", \"/data\")");
            checkTarget(target);
        }

        public Volume asReadOnly() {
            return new Volume(name, target, true);
        }
    }

    /** A host path; it must exist (the engine does not create it for mounts). */
    record Bind(Path source, String target, boolean readOnly) implements Mount {
        public Bind {
            if (source == null) {
                throw new InvalidSpecException("bind source", null, "a bind mount needs a host path",
                        "pass e.g. Path.of(\"src/test/resources\")");
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
            if (sizeBytes < 0) {
                throw new InvalidSpecException("tmpfs size", sizeBytes, "a size must not be negative",
                        "give e.g. size(\"64m\"), or leave it out for the engine default");
            }
            if (mode < 0 || mode > 07777) {
                throw new InvalidSpecException("tmpfs mode", Integer.toOctalString(mode),
                        "a mode is an octal permission from 0 to 07777", "write it in octal, e.g. mode(01777)");
            }
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
