package dev.berth.core.internal.transport;

import dev.berth.EngineUnavailableException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * The parts of {@code ssh://[user@]host[:port]} that the ssh client needs, checked as the docker CLI checks them: no
 * password (ssh asks for secrets itself), no path, query or fragment.
 */
public record SshDestination(String user, String host, int port) {
    /** Port -1 means "ssh's own default" (22, or what the ssh config says for the host). */
    public static SshDestination parse(String url, String source) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(url, source, "it is not a valid URL (" + e.getReason() + ")");
        }
        if (!"ssh".equals(uri.getScheme())) {
            throw invalid(url, source, "the scheme must be ssh://");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw invalid(url, source, "it names no host");
        }
        String user = uri.getUserInfo();
        if (user != null && user.contains(":")) {
            throw invalid(url, source, "it contains a password; ssh asks for secrets itself (use a key or ssh-agent)");
        }
        if (user != null && user.isEmpty()) {
            throw invalid(url, source, "the user name before '@' is empty");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw invalid(url, source, "it has a path (" + uri.getRawPath() + "); the remote docker CLI chooses the"
                    + " engine socket itself");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(url, source, "it has a query or fragment");
        }
        return new SshDestination(user, host.startsWith("[") ? host.substring(1, host.length() - 1) : host,
                uri.getPort());
    }

    private static EngineUnavailableException invalid(String url, String source, String why) {
        return new EngineUnavailableException("Engine address '" + url + "' (from " + source + ") is not a usable"
                + " ssh:// address: " + why + ". Use ssh://user@host or ssh://user@host:port.",
                List.of(url + " (" + source + "): " + why), null);
    }

    @Override
    public String toString() {
        return (user == null ? "" : user + "@") + host + (port == -1 ? "" : ":" + port);
    }
}
