package dev.berth.core.internal.compose;

import java.util.Set;

/** A service's {@code build:} section in Compose's long form (context made absolute, args and labels as maps). */
final class BuildKeys {
    static final Set<String> KEYS = Set.of("context", "dockerfile", "dockerfile_inline", "args", "labels", "target",
            "network", "extra_hosts", "shm_size", "cache_from", "cache_to", "no_cache", "pull", "platforms", "secrets",
            "ssh", "tags", "additional_contexts", "isolation", "privileged", "entitlements", "ulimits", "provenance",
            "sbom");

    private final Canon canon;

    BuildKeys(Canon canon) {
        this.canon = canon;
    }

    YNode.Map build(YNode node, String path) {
        YNode.Map out = YNode.map(node.mark());
        if (node instanceof YNode.Scalar) {
            out.putScalar("context", context(Canon.string(node, path)));
            out.putScalar("dockerfile", "Dockerfile");
            return out;
        }
        YNode.Map m = Canon.mapOrNull(node, path);
        Canon.onlyKeys(m, path, KEYS);
        if (m.has("ssh")) {
            // Compose 2.40 itself fails to print a project with build.ssh; Berth cannot forward SSH without BuildKit.
            throw ComposeErrors.at(m.keyMark("ssh"), path + ".ssh", "SSH forwarding in builds needs BuildKit,"
                    + " and Berth builds with the engine's classic builder", "remove 'ssh' (copy what the build"
                    + " needs into the context), or build this image with docker buildx");
        }
        for (var e : m.entries().entrySet()) {
            String key = e.getKey();
            String p = Canon.child(path, key);
            YNode v = e.getValue();
            if (key.startsWith("x-") || v instanceof YNode.Scalar s && s.isNull() && !key.equals("dockerfile")) {
                continue;
            }
            YNode converted = switch (key) {
                case "context" -> YNode.scalar(context(Canon.string(v, p)), v.mark());
                case "dockerfile" -> {
                    String text = v instanceof YNode.Scalar s && s.isNull() ? "" : Canon.string(v, p);
                    yield text.isEmpty() ? null : YNode.scalar(text, v.mark());
                }
                case "args" -> Canon.keyValues(v, p, canon.env);
                case "labels" -> Canon.keyValues(v, p, k -> "");
                case "extra_hosts" -> new ServiceSyntax(canon).extraHosts(v, p);
                case "shm_size" -> Canon.bytes(v, p);
                case "no_cache", "pull", "privileged" -> Canon.bool(v, p);
                case "cache_from", "cache_to", "platforms", "tags", "entitlements" -> Canon.strings(v, p);
                case "additional_contexts" -> Canon.keyValues(v, p, k -> "");
                default -> v instanceof YNode.Scalar ? Canon.str(v, p) : v;
            };
            if (converted != null) {
                out.put(key, converted, m.keyMark(key));
            }
        }
        if (out.get("args") instanceof YNode.Map args) {
            // An arg without a value whose variable is not set is left out, as Compose does.
            args.entries().values().removeIf(a -> a instanceof YNode.Scalar s && s.isNull());
        }
        if (!out.has("context")) {
            out.putScalar("context", context("."));
        }
        if (!m.has("dockerfile") && !out.has("dockerfile_inline")) {
            out.putScalar("dockerfile", "Dockerfile");
        }
        return out;
    }

    private String context(String context) {
        boolean remote = context.contains("://") || context.startsWith("git@") || context.startsWith("github.com/");
        return remote ? context : canon.resolve(context).toString();
    }
}
