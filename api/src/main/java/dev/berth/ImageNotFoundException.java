package dev.berth;

/** The image is neither local nor pullable from its registry (unknown repository or tag). */
public class ImageNotFoundException extends NotFoundException {
    private final String reference;

    /**
     * @param reference the image reference
     * @param registry the registry that was asked
     * @param engineMessage the engine's words, or null
     * @param cause the engine's error, or null
     */
    public ImageNotFoundException(String reference, String registry, String engineMessage, Throwable cause) {
        super("Image '" + reference + "' was not found locally nor on registry " + registry
                + (engineMessage == null ? "" : " (engine: " + engineMessage + ")")
                + ". Check the repository name and tag (docker pull " + reference + "), or log in if it is private.", cause);
        this.reference = reference;
    }

    /**
     * The image reference that was not found.
     *
     * @return it, as given
     */
    public String reference() {
        return reference;
    }
}
