package dev.berth.core.internal.engine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an engine error text means, independent of which engine version worded it. Docker rewords its errors between
 * releases (20.10 "Error starting userland proxy: listen tcp4 127.0.0.1:P: bind: address already in use" became 28's
 * "failed to bind host port for 127.0.0.1:P:172.17.0.2:80/tcp: address already in use"), so each meaning is
 * recognised by the parts every version keeps. {@code EngineMessagesTest} feeds the texts captured from 20.10 and
 * 28.5 through here; add a row there whenever a new wording turns up.
 */
public final class EngineMessages {
    /** The host port in every known wording: "Bind for IP:P failed", "listen tcp4 IP:P:", "host port for IP:P:...". */
    private static final Pattern PORT = Pattern.compile(
            "(?:Bind for|listen tcp[46]?|host port for) \\[?[^ \\]]*?\\]?:(\\d{1,5})(?:[: ]|$)");
    private static final Pattern CONFLICT_ID = Pattern.compile("by container \\\\?\"?([0-9a-f]{12,64})");
    private static final Pattern NETWORK = Pattern.compile("network ([^ ]+) not found");
    private static final Pattern EXECUTABLE = Pattern.compile("exec: \\\\?\"([^\"\\\\]*)\\\\?\": (?:executable file"
            + " not found|no such file or directory|permission denied)");

    private static final Pattern BRIDGE = Pattern.compile(
            "to bridge ([^ ]+) failed: (?:device does not exist|could not find bridge)");

    private EngineMessages() {
    }

    /** A recognised meaning; {@link Unknown} when none applies. */
    public sealed interface Meaning {
    }

    /** A host port is held by another process or container. {@code port} is 0 if the text names none. */
    public record PortInUse(int port) implements Meaning {
    }

    /** A container name is taken; {@code holderId} is the container holding it, when the engine says. */
    public record NameInUse(String holderId) implements Meaning {
    }

    /** A network referred to does not exist. */
    public record NetworkMissing(String network) implements Meaning {
    }

    /** The command or entrypoint cannot be executed in the image. */
    public record CommandNotRunnable(String executable) implements Meaning {
    }

    /** The container is running and the operation needs it stopped (remove without force). */
    public record ContainerRunning() implements Meaning {
    }

    /** A network or volume still has users. */
    public record InUse() implements Meaning {
    }

    /** The registry asked for credentials Berth did not have, or refused them. */
    public record RegistryAuth() implements Meaning {
    }

    /** The registry answered but has no such repository or tag. */
    public record ManifestMissing() implements Meaning {
    }

    /** The registry could not be reached at all (DNS, refused connection, TLS, timeout). */
    public record RegistryUnreachable() implements Meaning {
    }

    /** The host device the engine attaches containers to ({@code docker0}, a user bridge) is gone from the host. */
    public record BridgeDeviceMissing(String device) implements Meaning {
    }

    /** Nothing Berth knows how to say better than the engine's own text. */
    public record Unknown() implements Meaning {
    }

    public static Meaning of(String message) {
        if (message == null) {
            return new Unknown();
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("port is already allocated") || lower.contains("address already in use")) {
            Matcher m = PORT.matcher(message);
            return new PortInUse(m.find() ? Integer.parseInt(m.group(1)) : 0);
        }
        if (lower.contains("is already in use by container")) {
            Matcher m = CONFLICT_ID.matcher(message);
            return new NameInUse(m.find() ? m.group(1) : null);
        }
        Matcher bridge = BRIDGE.matcher(lower);
        if (bridge.find()) {
            return new BridgeDeviceMissing(bridge.group(1));
        }
        Matcher network = NETWORK.matcher(message);
        if (network.find()) {
            return new NetworkMissing(network.group(1).replace("\"", ""));
        }
        Matcher exec = EXECUTABLE.matcher(message);
        if (exec.find()) {
            return new CommandNotRunnable(exec.group(1));
        }
        if (lower.contains("executable file not found") || lower.contains("no such file or directory")
                && lower.contains("oci runtime")) {
            return new CommandNotRunnable(null);
        }
        if (lower.contains("container is running") || lower.contains("cannot remove a running container")) {
            return new ContainerRunning();
        }
        if (lower.contains("has active endpoints") || lower.contains("volume is in use")) {
            return new InUse();
        }
        // Docker Hub words a missing repository as "pull access denied ... may require 'docker login'": not-found first.
        if (lower.contains("manifest unknown") || lower.contains("repository does not exist")
                || lower.contains("pull access denied") || lower.contains("not found: manifest")
                || lower.contains("name unknown")) {
            return new ManifestMissing();
        }
        if (lower.contains("unauthorized") || lower.contains("authentication required")
                || lower.contains("no basic auth credentials") || lower.contains("denied: requested access")
                || lower.contains("incorrect username or password")) {
            return new RegistryAuth();
        }
        if (lower.contains("no such host") || lower.contains("connection refused") || lower.contains("i/o timeout")
                || lower.contains("tls: ") || lower.contains("x509:") || lower.contains("server gave http response")
                || lower.contains("network is unreachable")) {
            return new RegistryUnreachable();
        }
        return new Unknown();
    }
}
