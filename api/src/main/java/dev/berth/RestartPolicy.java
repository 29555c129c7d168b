package dev.berth;

/** What the engine does when the container exits: docker run --restart. */
public record RestartPolicy(String name, int maxRetries) {
    public static final RestartPolicy NO = new RestartPolicy("no", 0);
    public static final RestartPolicy ALWAYS = new RestartPolicy("always", 0);
    public static final RestartPolicy UNLESS_STOPPED = new RestartPolicy("unless-stopped", 0);

    public static RestartPolicy onFailure(int maxRetries) {
        if (maxRetries < 0) {
            throw new InvalidSpecException("restart retries", maxRetries, "retries must be 0 (unlimited) or more", null);
        }
        return new RestartPolicy("on-failure", maxRetries);
    }

    @Override
    public String toString() {
        return maxRetries > 0 ? name + ":" + maxRetries : name;
    }
}
