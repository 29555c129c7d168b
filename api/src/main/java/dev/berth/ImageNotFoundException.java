package dev.berth;

/** The image is neither local nor pullable from its registry (unknown repository or tag). */
public class ImageNotFoundException extends NotFoundException {
    private final String reference;

    public ImageNotFoundException(String reference, String registry, String engineMessage, Throwable cause) {
        super("Image '" + reference + "' was not found locally nor on registry " + registry
                + (engineMessage == null ? "" : " (engine: " + engineMessage + ")")
                + ". Check the repository name and tag (docker pull " + reference + "), or log in if it is private.", cause);
        this.reference = reference;
    }

    public String reference() {
        return reference;
    }
}
