package dev.berth;

/**
 * A secret or config given to a service's tasks as a file: the object's name, the file name/path, its mode
 * ({@code docker service create --secret|--config source=NAME,target=FILE,mode=0444}).
 *
 * @param source the secret's or config's name
 * @param target the file: a name under {@code /run/secrets/} for a secret, a path for a config; null for the
 *     source's name ({@code /run/secrets/NAME}, {@code /NAME})
 * @param mode the file mode, 0 to 0777 (owner root)
 */
public record ServiceFile(String source, String target, int mode) {
    /**
     * Checks the source and mode.
     *
     * @param source see {@link #source()}
     * @param target see {@link #target()}
     * @param mode see {@link #mode()}
     * @throws InvalidSpecException when the source is blank or the mode is outside 0 to 0777
     */
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

    /**
     * Read-only for everyone (0444), as the CLI does.
     *
     * @param source the secret's or config's name
     * @param target the file name or path, null for the default
     * @return the file
     */
    public static ServiceFile of(String source, String target) {
        return new ServiceFile(source, target, 0444);
    }
}
