package dev.berth;

/** A secret or config given to a service's tasks as a file: the object's name, the file name/path, its mode. */
public record ServiceFile(String source, String target, int mode) {
    public ServiceFile {
        if (source == null || source.isBlank()) {
            throw new InvalidSpecException("secret/config source", source, "a service file needs the object's name",
                    "pass the name given to secrets().create(...) or configs().create(...)");
        }
        if (mode < 0 || mode > 0777) {
            throw new InvalidSpecException("file mode", Integer.toOctalString(mode), "a mode is 0 to 0777",
                    "e.g. 0444");
        }
    }

    /** Read-only for everyone (0444), as the CLI does. */
    public static ServiceFile of(String source, String target) {
        return new ServiceFile(source, target, 0444);
    }
}
