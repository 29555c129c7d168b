package dev.berth.core.internal.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.DockerSettings;
import dev.berth.EngineUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Decides where the engine is, in the docker CLI's order: explicit settings, DOCKER_HOST (+ DOCKER_TLS_VERIFY /
 * DOCKER_CERT_PATH), DOCKER_CONTEXT or the config's current context, then the well-known sockets. Pure: reads only
 * the settings' environment and the config directory, so it is unit-testable.
 */
public final class EndpointResolver {
    static final String DEFAULT_SOCKET = "unix:///var/run/docker.sock";

    private EndpointResolver() {
    }

    /** The candidates to try, in order. Explicit choices (settings, env, context) yield exactly one. */
    public static List<EndpointCandidate> candidates(DockerSettings settings) {
        Map<String, String> env = settings.env();
        Path configDir = configDir(settings, env);
        if (settings.host() != null) {
            return List.of(checked(explicit(settings.host(), settings.tlsVerify(), settings.certPath(), env, configDir,
                    "settings")));
        }
        String envHost = env.get("DOCKER_HOST");
        if (envHost != null && !envHost.isBlank()) {
            return List.of(checked(explicit(envHost, null, null, env, configDir, "DOCKER_HOST")));
        }
        String context = settings.context() != null ? settings.context() : env.get("DOCKER_CONTEXT");
        String contextSource = "DOCKER_CONTEXT";
        if (context == null || context.isBlank()) {
            context = currentContext(configDir);
            contextSource = "current context in " + configDir.resolve("config.json");
        } else if (settings.context() != null) {
            contextSource = "settings";
        }
        if (context != null && !context.isBlank() && !context.equals("default")) {
            return List.of(checked(fromContext(context, contextSource, configDir)));
        }
        return defaultSockets(env);
    }

    public static Path configDir(DockerSettings settings, Map<String, String> env) {
        if (settings.configDir() != null) {
            return settings.configDir();
        }
        String fromEnv = env.get("DOCKER_CONFIG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".docker");
    }

    private static EndpointCandidate explicit(String host, Boolean tls, Path certPath, Map<String, String> env,
            Path configDir, String source) {
        boolean verify = tls != null ? tls : isTrue(env.get("DOCKER_TLS_VERIFY"));
        Path certs = certPath;
        if (certs == null && verify) {
            String envCerts = env.get("DOCKER_CERT_PATH");
            certs = envCerts != null && !envCerts.isBlank() ? Path.of(envCerts) : configDir;
        }
        return new EndpointCandidate(withDefaultPort(host, verify), verify, verify ? certs : null, source);
    }

    /** tcp://host means Docker's default port: 2376 with TLS, 2375 without, as the docker CLI assumes. */
    static String withDefaultPort(String host, boolean tls) {
        if (host.startsWith("tcp://") && java.net.URI.create(host).getPort() == -1) {
            String trimmed = host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
            return trimmed + (tls ? ":2376" : ":2375");
        }
        return host;
    }

    /** The docker CLI treats any non-empty DOCKER_TLS_VERIFY as on. */
    private static boolean isTrue(String value) {
        return value != null && !value.isEmpty() && !value.equals("0") && !value.equalsIgnoreCase("false");
    }

    private static EndpointCandidate checked(EndpointCandidate candidate) {
        String host = candidate.host();
        if (host.startsWith("ssh://")) {
            SshDestination.parse(host, candidate.source()); // a malformed address fails here, before ssh runs
            return candidate;
        }
        if (!host.startsWith("unix://") && !host.startsWith("tcp://") && !host.startsWith("npipe://")) {
            throw new EngineUnavailableException("Engine address '" + host + "' (from " + candidate.source()
                    + ") has no supported scheme. Use unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host.",
                    List.of(candidate + ": unsupported scheme"), null);
        }
        return candidate;
    }

    private static String currentContext(Path configDir) {
        Path config = configDir.resolve("config.json");
        if (!Files.isRegularFile(config)) {
            return null;
        }
        try {
            JsonNode node = new ObjectMapper().readTree(config.toFile()).get("currentContext");
            return node == null ? null : node.asText();
        } catch (IOException e) {
            throw new EngineUnavailableException("Cannot read " + config + ": " + e.getMessage()
                    + ". Fix or remove the file, or set DOCKER_HOST.", List.of(config + ": unreadable"), e);
        }
    }

    private static EndpointCandidate fromContext(String name, String source, Path configDir) {
        String id = sha256(name);
        Path meta = configDir.resolve("contexts").resolve("meta").resolve(id).resolve("meta.json");
        if (!Files.isRegularFile(meta)) {
            throw new EngineUnavailableException("Docker context '" + name + "' (from " + source + ") does not exist: no "
                    + meta + ". List contexts with `docker context ls`, or unset DOCKER_CONTEXT / run"
                    + " `docker context use default`.", List.of("context " + name + ": missing " + meta), null);
        }
        try {
            JsonNode docker = new ObjectMapper().readTree(meta.toFile()).path("Endpoints").path("docker");
            String host = docker.path("Host").asText(null);
            if (host == null || host.isBlank()) {
                throw new EngineUnavailableException("Docker context '" + name + "' has no docker endpoint in " + meta,
                        List.of("context " + name + ": no Host"), null);
            }
            Path tlsDir = configDir.resolve("contexts").resolve("tls").resolve(id).resolve("docker");
            boolean tls = Files.isDirectory(tlsDir) && !docker.path("SkipTLSVerify").asBoolean(false);
            return new EndpointCandidate(withDefaultPort(host, tls), tls, tls ? tlsDir : null, "context " + name);
        } catch (IOException e) {
            throw new EngineUnavailableException("Cannot read docker context file " + meta + ": " + e.getMessage(),
                    List.of("context " + name + ": unreadable"), e);
        }
    }

    /** The system socket, then Docker Desktop's and rootless Docker's per-user sockets. */
    private static List<EndpointCandidate> defaultSockets(Map<String, String> env) {
        List<EndpointCandidate> sockets = new ArrayList<>();
        sockets.add(new EndpointCandidate(DEFAULT_SOCKET, false, null, "default socket"));
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        sockets.add(new EndpointCandidate("unix://" + home + "/.docker/run/docker.sock", false, null,
                "Docker Desktop socket"));
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            sockets.add(new EndpointCandidate("unix://" + runtimeDir + "/docker.sock", false, null,
                    "rootless Docker socket"));
        }
        return sockets;
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
