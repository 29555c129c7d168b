package dev.berth.core.internal.compose;

import dev.berth.HealthCheck;
import dev.berth.RestartPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A loaded project to the typed {@link ComposeModel} that {@code up} runs. Keys {@code docker compose config}
 * accepts but Berth cannot run on an engine yet are rejected here, each at its file:line:column with its key path;
 * nothing is silently dropped except what Compose itself ignores without Swarm (listed in {@link #IGNORED}).
 */
public final class ModelReader {
    /** Service keys Berth runs. */
    private static final Set<String> RUNNABLE = Set.of("image", "build", "command", "entrypoint", "environment",
            "ports", "volumes", "networks", "depends_on", "healthcheck", "restart", "labels", "working_dir", "user",
            "hostname", "container_name", "extra_hosts", "cap_add", "cap_drop", "read_only", "mem_limit", "cpus",
            "pids_limit", "stop_signal", "stop_grace_period", "tmpfs", "tty", "stdin_open", "deploy", "scale",
            "secrets", "configs", "network_mode", "init", "platform", "shm_size", "ulimits", "sysctls", "privileged", "dns",
            "dns_search", "expose", "volumes_from", "links", "logging", "devices", "dns_opt", "mem_reservation");
    /**
     * Keys a plain engine has no use for, ignored by {@code docker compose up} too: {@code develop} (only for
     * {@code watch}), {@code profiles} (already applied).
     */
    static final Set<String> IGNORED = Set.of("develop", "profiles");
    private static final Set<String> BUILDKIT_ONLY = Set.of("secrets", "ssh", "cache_to", "platforms",
            "additional_contexts", "entitlements", "privileged", "sbom", "provenance");

    private final LoadedProject project;

    private ModelReader(LoadedProject project) {
        this.project = project;
    }

    public static ComposeModel read(LoadedProject project) {
        return new ModelReader(project).model();
    }

    private ComposeModel model() {
        YNode.Map tree = project.tree();
        Map<String, ComposeModel.Service> services = new LinkedHashMap<>();
        project.serviceNodes().entries().forEach((name, node) -> services.put(name, service(name, (YNode.Map) node)));
        return new ComposeModel(project.name(), project.workingDirectory(), project.files(), services,
                ResourceReader.networks(tree), ResourceReader.volumes(tree), ResourceReader.files(tree, "secrets"),
                ResourceReader.files(tree, "configs"));
    }

    static dev.berth.InvalidComposeFileException unsupported(YNode.Mark mark, String path, String what) {
        return ComposeErrors.at(mark, path, what + " is valid Compose, but Berth cannot run it on the engine yet",
                "remove it for Berth, or run this file with docker compose");
    }

    private ComposeModel.Service service(String name, YNode.Map s) {
        String path = "services." + name;
        for (String key : s.entries().keySet()) {
            if (!RUNNABLE.contains(key) && !IGNORED.contains(key)) {
                throw unsupported(s.keyMark(key), path + "." + key, "'" + key + "'");
            }
        }
        ServiceParts parts = new ServiceParts(s, path);
        int replicas = parts.replicas();
        return new ComposeModel.Service(name, text(s, "image"), build(s, path), parts.words("command"),
                parts.words("entrypoint"), parts.environment(), parts.ports(), parts.mounts(), parts.networks(),
                parts.dependsOn(), healthCheck(s, path), restart(s, path), strings(s, "labels"), parts.process(),
                parts.limits(), parts.files(), replicas, text(s, "container_name"), text(s, "network_mode"),
                project.serviceJson(name), project.configHash(name), ServiceExtras.read(s, path));
    }

    private ComposeModel.Build build(YNode.Map s, String path) {
        if (!(s.get("build") instanceof YNode.Map b)) {
            return null;
        }
        String p = path + ".build";
        for (String key : b.entries().keySet()) {
            if (BUILDKIT_ONLY.contains(key)) {
                throw ComposeErrors.at(b.keyMark(key), p + "." + key, "build." + key + " needs BuildKit, and Berth"
                        + " builds with the engine's classic builder", "remove it for Berth, or build this image"
                        + " with docker buildx and reference it with 'image:'");
            }
            if (!Set.of("context", "dockerfile", "dockerfile_inline", "args", "target", "labels", "no_cache", "pull",
                    "tags", "network", "extra_hosts", "shm_size", "cache_from").contains(key)) {
                throw unsupported(b.keyMark(key), p + "." + key, "build." + key);
            }
        }
        String context = text(b, "context");
        if (context.contains("://") || context.startsWith("git@")) {
            throw unsupported(b.get("context").mark(), p + ".context", "a remote build context (" + context + ")");
        }
        Path dir = Path.of(context);
        String dockerfile = text(b, "dockerfile");
        return new ComposeModel.Build(dir, dockerfile == null ? null : dir.resolve(dockerfile).normalize(),
                text(b, "dockerfile_inline"), strings(b, "args"), text(b, "target"), strings(b, "labels"),
                bool(b, "no_cache"), bool(b, "pull"), text(b, "network"), hosts(list(b, "extra_hosts")),
                b.has("shm_size") ? Long.valueOf(text(b, "shm_size")) : null, list(b, "cache_from"));
    }

    private static HealthCheck healthCheck(YNode.Map s, String path) {
        if (!(s.get("healthcheck") instanceof YNode.Map h)) {
            return null;
        }
        String p = path + ".healthcheck";
        if (bool(h, "disable")) {
            return new HealthCheck(List.of("NONE"), Duration.ofSeconds(30), Duration.ofSeconds(30), 3, Duration.ZERO);
        }
        List<String> test = h.get("test") instanceof YNode.Seq t
                ? t.items().stream().map(Canon::text).toList() : List.of();
        if (test.isEmpty()) {
            throw ComposeErrors.at(h, p, "a healthcheck needs a 'test' (or 'disable: true')",
                    "e.g. test: [\"CMD\", \"pg_isready\"]");
        }
        return new HealthCheck(test, duration(h, "interval", Duration.ofSeconds(30)),
                duration(h, "timeout", Duration.ofSeconds(30)), h.get("retries") instanceof YNode.Scalar r
                        ? ((Long) r.value()).intValue() : 3, duration(h, "start_period", Duration.ZERO));
    }

    /** {@code restart}, else a {@code deploy.restart_policy} mapped the way Compose maps it without Swarm. */
    private static RestartPolicy restart(YNode.Map s, String path) {
        if (s.get("restart") instanceof YNode.Scalar r) {
            String text = r.text();
            return switch (text.replaceFirst(":.*", "")) {
                case "no" -> RestartPolicy.NO;
                case "always" -> RestartPolicy.ALWAYS;
                case "unless-stopped" -> RestartPolicy.UNLESS_STOPPED;
                default -> {
                    String retries = text.contains(":") ? text.substring(text.indexOf(':') + 1) : "0";
                    if (!retries.matches("\\d{1,9}")) {
                        throw ComposeErrors.at(r, path + ".restart", "'" + retries + "' (in '" + text
                                + "') is not a number of retries", "write on-failure:3, or on-failure for no limit");
                    }
                    yield RestartPolicy.onFailure(Integer.parseInt(retries));
                }
            };
        }
        if (s.get("deploy") instanceof YNode.Map d && d.get("restart_policy") instanceof YNode.Map policy) {
            String condition = policy.has("condition") ? Canon.text(policy.get("condition")) : "any";
            int attempts = policy.get("max_attempts") instanceof YNode.Scalar m ? ((Long) m.value()).intValue() : 0;
            return switch (condition) {
                case "none" -> RestartPolicy.NO;
                case "on-failure" -> RestartPolicy.onFailure(attempts);
                default -> RestartPolicy.ALWAYS;
            };
        }
        return null;
    }

    /** Normalized {@code extra_hosts} ({@code name=ip}) as a map. */
    static Map<String, String> hosts(List<String> entries) {
        Map<String, String> hosts = new LinkedHashMap<>();
        entries.forEach(h -> hosts.put(h.substring(0, h.indexOf('=')), h.substring(h.indexOf('=') + 1)));
        return hosts;
    }

    static String text(YNode.Map m, String key) {
        return m.get(key) instanceof YNode.Scalar s && !s.isNull() ? s.text() : null;
    }

    static boolean bool(YNode.Map m, String key) {
        return m.get(key) instanceof YNode.Scalar s && Boolean.TRUE.equals(s.value());
    }

    static Map<String, String> strings(YNode.Map m, String key) {
        return m.get(key) instanceof YNode.Map map ? map.strings() : Map.of();
    }

    static List<String> list(YNode.Map m, String key) {
        List<String> out = new ArrayList<>();
        if (m.get(key) instanceof YNode.Seq seq) {
            seq.items().forEach(i -> out.add(Canon.text(i)));
        }
        return out;
    }

    static Duration duration(YNode.Map m, String key, Duration otherwise) {
        return m.get(key) instanceof YNode.Scalar s ? Duration.ofNanos(Units.parseDuration(s.text())) : otherwise;
    }
}
