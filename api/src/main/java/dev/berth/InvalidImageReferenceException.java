package dev.berth;

/** An image reference does not follow Docker's reference grammar. */
public class InvalidImageReferenceException extends InvalidSpecException {
    /**
     * @param reference the reference as given
     * @param rule the grammar rule it breaks
     */
    public InvalidImageReferenceException(String reference, String rule) {
        super("image reference", reference, rule,
                "write it as [registry[:port]/]path[:tag][@sha256:digest] with a lowercase path, e.g. nginx:1.25 or"
                        + " ghcr.io/acme/app@sha256:...");
    }
}
