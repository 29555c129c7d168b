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
 *
 * @param host the engine address ({@code DOCKER_HOST}), or null to resolve it
 * @param tlsVerify whether to use TLS with verification ({@code DOCKER_TLS_VERIFY}), or null to resolve it
 * @param certPath the folder with ca.pem, cert.pem, key.pem ({@code DOCKER_CERT_PATH}), or null
 * @param context the docker context to use ({@code DOCKER_CONTEXT}, {@code docker --context}), or null for the current
 * @param configDir the docker config directory ({@code DOCKER_CONFIG}), or null for the default
 * @param environment the environment to resolve from, or null for the process's
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout the deadline of one short engine call
 * @param sshOptions extra OpenSSH arguments for ssh:// endpoints
 */
public record DockerSettings(String host, Boolean tlsVerify, Path certPath, String context, Path configDir,
        Map<String, String> environment, Duration connectTimeout, Duration requestTimeout, List<String> sshOptions) {

    /**
     * Copies the collections, so the value cannot change.
     *
     * @param host the engine address ({@code DOCKER_HOST}), or null to resolve it
     * @param tlsVerify whether to use TLS with verification ({@code DOCKER_TLS_VERIFY}), or null to resolve it
     * @param certPath the folder with ca.pem, cert.pem, key.pem ({@code DOCKER_CERT_PATH}), or null
     * @param context the docker context to use ({@code DOCKER_CONTEXT}, {@code docker --context}), or null for the current
     * @param configDir the docker config directory ({@code DOCKER_CONFIG}), or null for the default
     * @param environment the environment to resolve from, or null for the process's
     * @param connectTimeout how long to wait for a connection
     * @param requestTimeout the deadline of one short engine call
     * @param sshOptions extra OpenSSH arguments for ssh:// endpoints
     */
    public DockerSettings {
        environment = environment == null ? null : Map.copyOf(environment);
        sshOptions = sshOptions == null ? List.of() : List.copyOf(sshOptions);
    }

    /**
     * The settings without ssh options (the shape before ssh:// support).
     *
     * @param host the engine address ({@code DOCKER_HOST}), or null to resolve it
     * @param tlsVerify whether to use TLS with verification ({@code DOCKER_TLS_VERIFY}), or null to resolve it
     * @param certPath the folder with ca.pem, cert.pem, key.pem ({@code DOCKER_CERT_PATH}), or null
     * @param context the docker context to use ({@code DOCKER_CONTEXT}, {@code docker --context}), or null for the current
     * @param configDir the docker config directory ({@code DOCKER_CONFIG}), or null for the default
     * @param environment the environment to resolve from, or null for the process's
     * @param connectTimeout how long to wait for a connection
     * @param requestTimeout the deadline of one short engine call
     */
    public DockerSettings(String host, Boolean tlsVerify, Path certPath, String context, Path configDir,
            Map<String, String> environment, Duration connectTimeout, Duration requestTimeout) {
        this(host, tlsVerify, certPath, context, configDir, environment, connectTimeout, requestTimeout, List.of());
    }

    /**
     * Everything from the real environment, as the docker CLI resolves it.
     *
     * @return settings with nothing set explicitly
     */
    public static DockerSettings defaults() {
        return new DockerSettings(null, null, null, null, null, null, Duration.ofSeconds(5), Duration.ofMinutes(2));
    }

    /**
     * {@code docker -H} / {@code DOCKER_HOST}: an explicit engine address.
     *
     * @param value unix:///path, tcp://host:port or ssh://[user@]host[:port]
     * @return new settings; these are unchanged
     */
    public DockerSettings host(String value) {
        return new DockerSettings(value, tlsVerify, certPath, context, configDir, environment,
                connectTimeout, requestTimeout, sshOptions);
    }

    /**
     * {@code docker --tlsverify --tlscacert --tlscert --tlskey}: TLS with verification, certificates from a folder.
     *
     * @param certDirectory the folder with ca.pem, cert.pem and key.pem
     * @return new settings; these are unchanged
     */
    public DockerSettings tls(Path certDirectory) {
        return new DockerSettings(host, true, certDirectory, context, configDir, environment, connectTimeout,
                requestTimeout, sshOptions);
    }

    /**
     * {@code docker --context NAME}: use this docker context instead of the current one.
     *
     * @param name the context's name
     * @return new settings; these are unchanged
     */
    public DockerSettings context(String name) {
        return new DockerSettings(host, tlsVerify, certPath, name, configDir, environment, connectTimeout,
                requestTimeout, sshOptions);
    }

    /**
     * {@code docker --config DIR}: the docker config directory (default {@code $DOCKER_CONFIG} or {@code ~/.docker}).
     *
     * @param dir the directory
     * @return new settings; these are unchanged
     */
    public DockerSettings configDir(Path dir) {
        return new DockerSettings(host, tlsVerify, certPath, context, dir, environment, connectTimeout,
                requestTimeout, sshOptions);
    }

    /**
     * Replaces the process environment for resolution; for tests and embedding.
     *
     * @param env the variables to resolve {@code DOCKER_*} from
     * @return new settings; these are unchanged
     */
    public DockerSettings environment(Map<String, String> env) {
        return new DockerSettings(host, tlsVerify, certPath, context, configDir, env, connectTimeout,
                requestTimeout, sshOptions);
    }

    /**
     * How long to wait for a connection to the engine.
     *
     * @param value positive
     * @return new settings; these are unchanged
     */
    public DockerSettings connectTimeout(Duration value) {
        return new DockerSettings(host, tlsVerify, certPath, context, configDir, environment, value,
                requestTimeout, sshOptions);
    }

    /**
     * Deadline for one short engine call (create, start, inspect, list, remove …). Streams (logs, waits, exec output,
     * pulls, copies) and calls that wait by design (stop, restart) are not bound by it; they have their own limits.
     *
     * @param value positive
     * @return new settings; these are unchanged
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
     *
     * @param arguments ssh command-line arguments
     * @return new settings; these are unchanged
     */
    public DockerSettings sshOptions(String... arguments) {
        return new DockerSettings(host, tlsVerify, certPath, context, configDir, environment, connectTimeout,
                requestTimeout, List.of(arguments));
    }

    /**
     * The environment used for resolution: the one given, else the process's.
     *
     * @return the variables
     */
    public Map<String, String> env() {
        return environment != null ? environment : System.getenv();
    }
}
