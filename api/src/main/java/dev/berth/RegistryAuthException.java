package dev.berth;

/** The registry refused the credentials (or asked for some and none were found). */
public class RegistryAuthException extends DockerException {
    /**
     * @param registry the registry's host
     * @param detail the registry's words
     * @param cause the engine's error, or null
     */
    public RegistryAuthException(String registry, String detail, Throwable cause) {
        super("The registry " + registry + " refused the login (" + detail + "). Check the user name and password,"
                + " or the credentials in your docker config (auths / credsStore / credHelpers) for " + registry + ".",
                cause);
    }
}
