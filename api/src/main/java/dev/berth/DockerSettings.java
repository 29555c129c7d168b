package dev.berth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How to reach the engine. Anything set here wins over the environment; what is left unset is resolved from
 * {@code DOCKER_HOST}/{@code DOCKER_TLS_VERIFY}/{@code DOCKER_CERT_PATH}, then {@code DOCKER_CONTEXT} or the current
 * context in the docker config directory, then the default socket. Immutable. There is no global response timeout:
 * short calls get {@link #requestTimeout}, streams and waits carry their own deadlines.
 */
public record DockerSettings(String host, Boolean tlsVerify, Path certPath, String context, Path configDir,
        Map<String, String> environment, Duration connectTimeout, Duration requestTimeout) {

    public DockerSettings {
        environment = environment == null ? null : Map.copyOf(environment);
    }

    /** Everything from the real environment. */
    public static DockerSettings defaults() {
        return new DockerSettings(null, null, null, null, null, null, Duration.ofSeconds(5), Duration.ofMinutes(2));
    }

    /** An explicit engine address: unix:///path, tcp://host:port (ssh:// is not supported yet). */
    public DockerSettings host(String value) {
        return new DockerSettings(value, tlsVerify, certPath, context, configDir, environment, connectTimeout, requestTimeout);
    }

    public DockerSettings tls(Path certDirectory) {
        return new DockerSettings(host, true, certDirectory, context, configDir, environment, connectTimeout, requestTimeout);
    }

    /** Use this docker context instead of the current one. */
    public DockerSettings context(String name) {
        return new DockerSettings(host, tlsVerify, certPath, name, configDir, environment, connectTimeout, requestTimeout);
    }

    /** Docker config directory (default {@code $DOCKER_CONFIG} or {@code ~/.docker}). */
    public DockerSettings configDir(Path dir) {
        return new DockerSettings(host, tlsVerify, certPath, context, dir, environment, connectTimeout, requestTimeout);
    }

    /** Replaces the process environment for resolution; for tests and embedding. */
    public DockerSettings environment(Map<String, String> env) {
        return new DockerSettings(host, tlsVerify, certPath, context, configDir, env, connectTimeout, requestTimeout);
    }

    public DockerSettings connectTimeout(Duration value) {
        return new DockerSettings(host, tlsVerify, certPath, context, configDir, environment, value, requestTimeout);
    }

    /**
     * Deadline for one short engine call (create, start, inspect, list, remove …). Streams (logs, waits, exec output,
     * pulls, copies) and calls that wait by design (stop, restart) are not bound by it; they have their own limits.
     */
    public DockerSettings requestTimeout(Duration value) {
        return new DockerSettings(host, tlsVerify, certPath, context, configDir, environment, connectTimeout, value);
    }

    /** The environment used for resolution: the one given, else the process's. */
    public Map<String, String> env() {
        return environment != null ? environment : System.getenv();
    }
}
