package dev.berth;

/** Transport protocol of a port. */
public enum Protocol {
    /** {@code /tcp}, the default. */
    TCP,
    /** {@code /udp}. */
    UDP,
    /** {@code /sctp}. */
    SCTP;

    /**
     * The engine's word for it.
     *
     * @return "tcp", "udp" or "sctp"
     */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
