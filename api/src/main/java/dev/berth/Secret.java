package dev.berth;

/** A value that must never reach a log or a toString(): passwords, tokens. */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * A secret value, e.g. {@code Secret.of(System.getenv("DB_PASSWORD"))}.
     *
     * @param value the plain value
     * @return the secret
     * @throws InvalidSpecException when it is null
     */
    public static Secret of(String value) {
        if (value == null) { // the value is not printed even here: null has nothing to hide, but say so plainly
            throw new InvalidSpecException("secret", null, "a secret needs a value (null given)",
                    "pass the value, e.g. Secret.of(System.getenv(\"DB_PASSWORD\")) with that variable set");
        }
        return new Secret(value);
    }

    /**
     * The plain value; call it only where the value is handed to the engine.
     *
     * @return the plain value
     */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
