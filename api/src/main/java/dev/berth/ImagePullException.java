package dev.berth;

/** A pull failed for a reason other than "not found": registry unreachable, auth, disk, policy. */
public class ImagePullException extends DockerException {
    /**
     * @param message why the pull failed (the registry's words) and the fix
     * @param cause the engine's error, or null
     */
    public ImagePullException(String message, Throwable cause) {
        super(message, cause);
    }
}
