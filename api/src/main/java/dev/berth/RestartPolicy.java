package dev.berth;

import java.util.Set;

/** What the engine does when the container exits: docker run --restart. Checked here: the engine's error is vague. */
public record RestartPolicy(String name, int maxRetries) {
    private static final Set<String> NAMES = Set.of("no", "always", "unless-stopped", "on-failure");
    private static final String FIX = "use RestartPolicy.NO, ALWAYS, UNLESS_STOPPED or onFailure(n)";

    /** {@code --restart no}: never restart (the engine default). */
    public static final RestartPolicy NO = new RestartPolicy("no", 0);
    /** {@code --restart always}. */
    public static final RestartPolicy ALWAYS = new RestartPolicy("always", 0);
    /** {@code --restart unless-stopped}. */
    public static final RestartPolicy UNLESS_STOPPED = new RestartPolicy("unless-stopped", 0);

    /**
     * Checks the values.
     *
     * @param name see {@link #name()}
     * @param maxRetries see {@link #maxRetries()}
     * @throws InvalidSpecException when a value breaks its rule
     */
    public RestartPolicy {
        if (name == null || !NAMES.contains(name)) {
            throw new InvalidSpecException("restart policy", name,
                    "a restart policy is one of no, always, unless-stopped, on-failure[:max-retries]", FIX);
        }
        if (maxRetries < 0) {
            throw new InvalidSpecException("restart retries", maxRetries, "retries must be 0 (unlimited) or more",
                    "give e.g. onFailure(3)");
        }
        if (maxRetries > 0 && !name.equals("on-failure")) {
            throw new InvalidSpecException("restart policy", name + ":" + maxRetries,
                    "only on-failure takes a maximum retry count", "use onFailure(" + maxRetries + "), or " + name);
        }
    }

    /**
     * {@code --restart on-failure[:N]}: restart after a non-zero exit.
     *
     * @param maxRetries at most this many restarts; 0 for no limit
     * @return the policy
     * @throws InvalidSpecException when it is negative
     */
    public static RestartPolicy onFailure(int maxRetries) {
        return new RestartPolicy("on-failure", maxRetries);
    }

    /**
     * Docker's text form: "no", "always", "unless-stopped", "on-failure" or "on-failure:3".
     *
     * @param text the policy as written for {@code docker run --restart}
     * @return the policy
     * @throws InvalidSpecException when it is not one of those
     */
    public static RestartPolicy parse(String text) {
        Validation.required("restart policy", text, FIX);
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new RestartPolicy(text, 0);
        }
        String retries = text.substring(colon + 1);
        if (!retries.matches("\\d{1,9}")) {
            throw new InvalidSpecException("restart retries", text, "the part after ':' is a whole number of retries",
                    "write e.g. \"on-failure:3\"");
        }
        return new RestartPolicy(text.substring(0, colon), Integer.parseInt(retries));
    }

    @Override
    public String toString() {
        return maxRetries > 0 ? name + ":" + maxRetries : name;
    }
}
