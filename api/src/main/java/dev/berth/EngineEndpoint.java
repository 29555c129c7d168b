package dev.berth;

import java.nio.file.Path;

/**
 * Where Berth connected and why it chose that place ({@code source}: "settings", "DOCKER_HOST", "context NAME",
 * "default socket").
 */
public record EngineEndpoint(String host, boolean tlsVerify, Path certPath, String source, String apiVersion) {
    @Override
    public String toString() {
        return host + (tlsVerify ? " (TLS, certs " + certPath + ")" : "") + " via " + source + ", API " + apiVersion;
    }
}
