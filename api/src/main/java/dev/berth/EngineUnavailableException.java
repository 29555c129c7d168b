package dev.berth;

import java.util.List;

/** No Docker engine answered. The message lists every place Berth looked and why each failed. */
public class EngineUnavailableException extends DockerException {
    private final List<String> attempts;

    /**
     * @param message why no engine answered, and the fix
     * @param attempts one line per endpoint tried
     * @param cause the last connection error, or null
     */
    public EngineUnavailableException(String message, List<String> attempts, Throwable cause) {
        super(message, cause);
        this.attempts = List.copyOf(attempts);
    }

    /**
     * One line per candidate endpoint: where and why it failed.
     *
     * @return the attempts, in the order tried
     */
    public List<String> attempts() {
        return attempts;
    }
}
