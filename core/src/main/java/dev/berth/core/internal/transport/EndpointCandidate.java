package dev.berth.core.internal.transport;

import java.nio.file.Path;

/** One place an engine may listen, and the reason Berth considers it. */
public record EndpointCandidate(String host, boolean tlsVerify, Path certPath, String source) {
    @Override
    public String toString() {
        return host + " (" + source + ")";
    }
}
