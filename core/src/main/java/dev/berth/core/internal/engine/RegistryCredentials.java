package dev.berth.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.AuthConfig;
import dev.berth.RegistryAuth;
import dev.berth.core.internal.transport.RawEngine;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds credentials for a registry, in the docker CLI's order after an explicit login: {@code credHelpers[registry]},
 * then {@code credsStore}, then {@code auths[registry].auth}. Helpers are run as {@code docker-credential-NAME get}
 * from the PATH of the connection's environment. Secrets are never logged.
 */
public final class RegistryCredentials {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryCredentials.class);
    static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";

    private final Path configDir;
    private final Map<String, String> env;
    private final Map<String, RegistryAuth> logins = new ConcurrentHashMap<>();

    RegistryCredentials(Path configDir, Map<String, String> env) {
        this.configDir = configDir;
        this.env = env;
    }

    public void remember(RegistryAuth auth) {
        logins.put(auth.registry(), auth);
    }

    /** Credentials for the registry host, or null when none are configured. */
    public AuthConfig forRegistry(String registry) {
        RegistryAuth login = logins.get(registry);
        if (login != null) {
            return authConfig(registry, login.username(), login.password().reveal());
        }
        JsonNode config = readConfig();
        if (config == null) {
            return null;
        }
        String key = registry.equals("docker.io") ? DOCKER_HUB_KEY : registry;
        String helper = config.path("credHelpers").path(key).asText(null);
        if (helper == null) {
            helper = config.path("credsStore").asText(null);
        }
        if (helper != null && !helper.isBlank()) {
            AuthConfig fromHelper = fromHelper(helper, key);
            if (fromHelper != null) {
                return fromHelper;
            }
        }
        JsonNode auth = config.path("auths").path(key);
        if (!auth.isMissingNode()) {
            String encoded = auth.path("auth").asText("");
            if (!encoded.isEmpty()) {
                String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    return authConfig(key, decoded.substring(0, colon), decoded.substring(colon + 1));
                }
            }
        }
        return null;
    }

    /**
     * Credentials for every registry this connection knows (logins, auths, credHelpers), as a build's
     * X-Registry-Config wants them: a build may pull a FROM image from any of them.
     */
    public Map<String, AuthConfig> all() {
        Map<String, AuthConfig> found = new java.util.LinkedHashMap<>();
        JsonNode config = readConfig();
        if (config != null) {
            config.path("auths").fieldNames().forEachRemaining(registry -> put(found, registry));
            config.path("credHelpers").fieldNames().forEachRemaining(registry -> put(found, registry));
        }
        logins.keySet().forEach(registry -> put(found, registry));
        return found;
    }

    private void put(Map<String, AuthConfig> found, String registry) {
        AuthConfig auth = forRegistry(registry.equals(DOCKER_HUB_KEY) ? "docker.io" : registry);
        if (auth != null) {
            found.put(registry, auth);
        }
    }

    static AuthConfig authConfig(String registry, String user, String password) {
        return new AuthConfig().withRegistryAddress(registry).withUsername(user).withPassword(password);
    }

    private JsonNode readConfig() {
        Path file = configDir.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return RawEngine.json().readTree(file.toFile());
        } catch (IOException e) {
            LOG.warn("Cannot read {}: {}; continuing without its credentials", file, e.getMessage());
            return null;
        }
    }

    private AuthConfig fromHelper(String helper, String registry) {
        String program = "docker-credential-" + helper;
        String executable = onPath(program);
        if (executable == null) {
            LOG.warn("Credential helper {} is configured for {} but not on the PATH", program, registry);
            return null;
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(executable, "get");
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().write(registry.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null; // "credentials not found" is an ordinary answer
            }
            JsonNode reply = RawEngine.json().readTree(out);
            String user = reply.path("Username").asText("");
            String secret = reply.path("Secret").asText("");
            if (user.equals("<token>")) {
                return new AuthConfig().withRegistryAddress(registry).withIdentityToken(secret);
            }
            return authConfig(registry, user, secret);
        } catch (IOException e) {
            LOG.warn("Credential helper {} failed: {}", program, e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private String onPath(String program) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
