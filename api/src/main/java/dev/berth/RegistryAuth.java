package dev.berth;

/** Credentials for one registry. The password never appears in toString() or logs. */
public record RegistryAuth(String registry, String username, Secret password) {
    /**
     * Checks the values.
     *
     * @param registry see {@link #registry()}
     * @param username see {@link #username()}
     * @param password see {@link #password()}
     * @throws InvalidSpecException when a value breaks its rule
     */
    public RegistryAuth {
        Validation.notBlank("registry", registry, "give the registry host, e.g. \"ghcr.io\" or \"127.0.0.1:5000\"");
        Validation.notBlank("username", username, "give the user name");
    }

    /**
     * {@code docker login REGISTRY -u USER -p PASSWORD}'s credentials.
     *
     * @param registry the registry host, e.g. "ghcr.io" or "localhost:5000"
     * @param username the user
     * @param password the password or token
     * @return the credentials
     * @throws InvalidSpecException when the registry or user name is blank
     */
    public static RegistryAuth of(String registry, String username, Secret password) {
        return new RegistryAuth(registry, username, password);
    }

    @Override
    public String toString() {
        return username + "@" + registry;
    }
}
