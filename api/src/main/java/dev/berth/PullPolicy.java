package dev.berth;

/** When {@code run}/{@code create} pulls the image. */
public enum PullPolicy {
    /** Pull only when the engine does not have the image (the default; costs no extra call when it does). */
    IF_MISSING,
    /** Pull every time, to pick up a moved tag. */
    ALWAYS,
    /** Never pull; a missing image is an {@link ImageNotFoundException}. */
    NEVER
}
