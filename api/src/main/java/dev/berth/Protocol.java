package dev.berth;

/** Transport protocol of a port. */
public enum Protocol {
    TCP, UDP, SCTP;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
