package dev.berth;

/** {@code docker version}: the engine's versions and the API version this client pinned. */
public record EngineVersion(String engineVersion, String apiVersion, String minApiVersion, String negotiatedApiVersion,
        String os, String arch, String kernelVersion, String gitCommit) {
    @Override
    public String toString() {
        return "Docker Engine " + engineVersion + " (API " + apiVersion + ", min " + minApiVersion + "; Berth speaks "
                + negotiatedApiVersion + ") on " + os + "/" + arch + ", kernel " + kernelVersion;
    }
}
