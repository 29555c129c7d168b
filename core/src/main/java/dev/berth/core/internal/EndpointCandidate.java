package dev.berth.core.internal;

import java.nio.file.Path;

/** One place an engine may listen, and the reason Berth considers it. */
record EndpointCandidate(String host, boolean tlsVerify, Path certPath, String source) {
    @Override
    public String toString() {
        return host + " (" + source + ")";
    }
}
