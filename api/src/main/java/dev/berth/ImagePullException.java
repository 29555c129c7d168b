package dev.berth;

/** A pull failed for a reason other than "not found": registry unreachable, auth, disk, policy. */
public class ImagePullException extends DockerException {
    public ImagePullException(String message, Throwable cause) {
        super(message, cause);
    }
}
