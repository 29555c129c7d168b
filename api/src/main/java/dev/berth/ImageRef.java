package dev.berth;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image reference parsed by Docker's grammar: {@code [registry[:port]/]path[:tag][@digest]}. Docker Hub names get
 * their implied parts: {@code nginx} is {@code docker.io/library/nginx:latest}.
 */
public record ImageRef(String registry, String path, String tag, String digest) {
    /** The registry a reference without one means. */
    public static final String DOCKER_HUB = "docker.io";
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern DOMAIN_COMPONENT = Pattern.compile("[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?");
    private static final Pattern PORT = Pattern.compile("[0-9]+");
    private static final Pattern IPV6 = Pattern.compile("\\[[a-fA-F0-9:]+]");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");
    private static final int MAX_NAME_LENGTH = 255;

    /**
     * Parses and validates a reference before anything reaches the engine.
     *
     * @param reference e.g. "nginx:1.25"
     * @return the parts, Docker Hub defaults filled in
     * @throws InvalidImageReferenceException when it breaks the grammar
     */
    public static ImageRef parse(String reference) {
        if (reference == null || reference.isEmpty()) {
            throw new InvalidImageReferenceException(String.valueOf(reference), "a reference must not be empty");
        }
        if (!reference.strip().equals(reference)) {
            throw new InvalidImageReferenceException(reference, "a reference must not contain spaces");
        }
        String rest = reference;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                throw new InvalidImageReferenceException(reference,
                        "a digest is algorithm:hex with at least 32 hex digits, e.g. sha256:<64 hex>");
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw new InvalidImageReferenceException(reference,
                        "a tag is 1-128 of [A-Za-z0-9_.-] and cannot start with '.' or '-'");
            }
        }
        if (rest.length() > MAX_NAME_LENGTH) {
            throw new InvalidImageReferenceException(reference, "a repository name is at most 255 characters");
        }
        String registry = null;
        String path = rest;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")
                    || !first.equals(first.toLowerCase(Locale.ROOT))) {
                registry = first;
                path = rest.substring(slash + 1);
                checkRegistry(reference, registry);
            }
        }
        checkPath(reference, path);
        if (registry == null) {
            registry = DOCKER_HUB;
            if (!path.contains("/")) {
                path = "library/" + path;
            }
        }
        if (tag == null && digest == null) {
            tag = "latest";
        }
        return new ImageRef(registry, path, tag, digest);
    }

    /**
     * Parses a reference, or returns null for an image id ("sha256:…" or 12-64 hex digits).
     *
     * @param text a reference or an image id
     * @return the parts, or null for an id
     * @throws InvalidImageReferenceException when it is neither
     */
    public static ImageRef parseOrId(String text) {
        if (text != null && text.matches("(sha256:)?[0-9a-f]{12,64}")) {
            return null;
        }
        return parse(text);
    }

    private static void checkRegistry(String reference, String registry) {
        String host = registry;
        int colon = registry.lastIndexOf(':');
        if (colon > registry.lastIndexOf(']')) {
            String port = registry.substring(colon + 1);
            host = registry.substring(0, colon);
            if (!PORT.matcher(port).matches()) {
                throw new InvalidImageReferenceException(reference, "a registry port must be digits");
            }
        }
        if (IPV6.matcher(host).matches()) {
            return;
        }
        for (String component : host.split("\\.", -1)) {
            if (!DOMAIN_COMPONENT.matcher(component).matches()) {
                throw new InvalidImageReferenceException(reference, "registry host '" + host
                        + "' must be dot-separated labels of letters, digits and inner '-'");
            }
        }
    }

    private static void checkPath(String reference, String path) {
        for (String component : path.split("/", -1)) {
            if (!PATH_COMPONENT.matcher(component).matches()) {
                String rule = !component.equals(component.toLowerCase(Locale.ROOT))
                        ? "repository names must be lowercase ('" + component + "')"
                        : "each path component is lowercase letters and digits, separated by '.', '_', '__' or '-'"
                                + " ('" + component + "')";
                throw new InvalidImageReferenceException(reference, rule);
            }
        }
    }

    /**
     * The repository with its registry: {@code docker.io/library/nginx}.
     *
     * @return registry and path
     */
    public String repository() {
        return registry + "/" + path;
    }

    /**
     * The short form the docker CLI prints: {@code nginx:latest}, {@code ghcr.io/a/b:1}.
     *
     * @return the short form
     */
    public String familiar() {
        String name = registry.equals(DOCKER_HUB)
                ? (path.startsWith("library/") ? path.substring("library/".length()) : path)
                : repository();
        return name + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    @Override
    public String toString() {
        return repository() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
