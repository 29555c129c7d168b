package dev.berth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to reach the engine. Anything set here wins over the environment; what is left unset is resolved from
 * {@code DOCKER_HOST}/{@code DOCKER_TLS_VERIFY}/{@code DOCKER_CERT_PATH}, then {@code DOCKER_CONTEXT} or the current
 * context in the docker config directory, then the default socket. Immutable. There is no global response timeout:
 * short calls get {@link #requestTimeout}, streams and waits carry their own deadlines.
 */
public record DockerSettings(String host, Boolean tlsVerify, Path certPath, String context, Path configDir,
        Map<String, String> environment, Duration connectTimeout, Duration requestTimeout, List<String> sshOptions) {

    public DockerSettings {
        environment = environment == null ? null : Map.copyOf(environment);
        sshOptions = sshOptions == null ? List.of() : List.copyOf(sshOptions);
    }

    /** The settings without ssh options (the shape before ssh:// support). */
    public DockerSettings(String host, Boolean tlsVerify, Path certPath, String context, Path configDir,
            Map<String, String> environment, Duration connectTimeout, Duration requestTimeout) {
        this(host, tlsVerify, certPath, context, configDir, environment, connectTimeout, requestTimeout, List.of());
    }

    /** Everything from the real environment. */
    public static DockerSettings defaults() {
        return new DockerSettings(null, null, null, null, null, null, Duration.ofSeconds(5), Duration.ofMinutes(2));
    }

    /** An explicit engine address: unix:///path, tcp://host:port or ssh://[user@]host[:port]. */
    public DockerSettings host(String value) {
        return new DockerSettings(value, tlsVerify, certPath, context, configDir, environment,
                connectTimeout, requestTimeout, sshOptions);
    }

    public DockerSettings tls(Path certDirectory) {
        return new DockerSettings(host, true, certDirectory, context, configDir, environment, connectTimeout,
                requestTimeout, sshOptions);
    }

    /** Use this docker context instead of the current one. */
    public DockerSettings context(String name) {
        return new DockerSettings(host, tlsVerify, certPath, name, configDir, environment, connectTimeout,
                requestTimeout, sshOptions);
    }

    /** Docker config directory (default {@code $DOCKER_CONFIG} or {@code ~/.docker}). */
    public DockerSettings configDir(Path dir) {
        return new DockerSettings(host, tlsVerify, certPath, context, dir, environment, connectTimeout,
                requestTimeout, sshOptions);
    }

    /** Replaces the process environment for resolution; for tests and embedding. */
    public DockerSettings environment(Map<String, String> env) {
        return new DockerSettings(host, tlsVerify, certPath, context, configDir, env, connectTimeout,
                requestTimeout, sshOptions);
    }

    public DockerSettings connectTimeout(Duration value) {
        return new DockerSettings(host, tlsVerify, certPath, context, configDir, environment, value,
                requestTimeout, sshOptions);
    }

    /**
     * Deadline for one short engine call (create, start, inspect, list, remove …). Streams (logs, waits, exec output,
     * pulls, copies) and calls that wait by design (stop, restart) are not bound by it; they have their own limits.
     */
    public DockerSettings requestTimeout(Duration value) {
        return new DockerSettings(host, tlsVerify, certPath, context, configDir, environment, connectTimeout,
                value, sshOptions);
    }

    /**
     * Extra arguments for the OpenSSH client on ssh:// endpoints, given before Berth's own (for ssh the first value of
     * an option wins, so these override Berth's defaults), e.g. {@code "-F", "/path/ssh_config"} or
     * {@code "-i", "/path/key", "-o", "UserKnownHostsFile=/path/known_hosts"}. ssh itself reads ~/.ssh of the
     * user's passwd entry, not $HOME; this is how to point it elsewhere. Berth multiplexes connections over one
     * master (ControlMaster in a private temporary folder) unless these options set ControlMaster or ControlPath.
     */
    public DockerSettings sshOptions(String... arguments) {
        return new DockerSettings(host, tlsVerify, certPath, context, configDir, environment, connectTimeout,
                requestTimeout, List.of(arguments));
    }

    /** The environment used for resolution: the one given, else the process's. */
    public Map<String, String> env() {
        return environment != null ? environment : System.getenv();
    }
}
