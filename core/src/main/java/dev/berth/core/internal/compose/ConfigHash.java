package dev.berth.core.internal.compose;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compose's {@code com.docker.compose.config-hash} of a service: SHA-256 of Go's {@code json.Marshal} of the
 * normalized service without {@code build}, {@code pull_policy}, {@code scale}, {@code deploy.replicas},
 * {@code depends_on} and {@code profiles} (docker/compose {@code ServiceHash}). Go writes struct fields in
 * declaration order (the lists below, from compose-go's types) and map keys sorted, compact, with {@code <>&}
 * escaped.
 */
public final class ConfigHash {
    private static final List<String> SERVICE = List.of("profiles", "annotations", "attach", "build", "develop",
            "blkio_config", "cap_add", "cap_drop", "cgroup_parent", "cgroup", "cpu_count", "cpu_percent", "cpu_period",
            "cpu_quota", "cpu_rt_period", "cpu_rt_runtime", "cpus", "cpuset", "cpu_shares", "command", "configs",
            "container_name", "credential_spec", "depends_on", "deploy", "device_cgroup_rules", "devices", "dns",
            "dns_opt", "dns_search", "dockerfile", "domainname", "entrypoint", "provider", "environment", "env_file",
            "expose", "extends", "external_links", "extra_hosts", "group_add", "gpus", "hostname", "healthcheck",
            "image", "init", "ipc", "isolation", "labels", "label_file", "links", "logging", "log_driver", "log_opt",
            "mem_limit", "mem_reservation", "memswap_limit", "mem_swappiness", "mac_address", "models", "net",
            "network_mode", "networks", "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports",
            "privileged", "pull_policy", "read_only", "restart", "runtime", "scale", "secrets", "security_opt",
            "shm_size", "stdin_open", "stop_grace_period", "stop_signal", "storage_opt", "sysctls", "tmpfs", "tty",
            "ulimits", "use_api_socket", "user", "userns_mode", "uts", "volume_driver", "volumes", "volumes_from",
            "working_dir", "post_start", "pre_stop");
    private static final List<String> LIMITS = List.of("cpus", "memory", "pids", "devices", "generic_resources");
    private static final List<String> FILE_REF = List.of("source", "target", "uid", "gid", "mode");
    private static final List<String> UPDATE = List.of("parallelism", "delay", "failure_action", "monitor",
            "max_failure_ratio", "order");
    /** Struct shapes by path ({@code *} a map key, {@code []} a list item); every other mapping is a Go map. */
    private static final Map<String, List<String>> STRUCTS = Map.ofEntries(
            Map.entry("", SERVICE),
            Map.entry("deploy", List.of("mode", "replicas", "labels", "update_config", "rollback_config", "resources",
                    "restart_policy", "placement", "endpoint_mode")),
            Map.entry("deploy.update_config", UPDATE),
            Map.entry("deploy.rollback_config", UPDATE),
            Map.entry("deploy.resources", List.of("limits", "reservations")),
            Map.entry("deploy.resources.limits", LIMITS),
            Map.entry("deploy.resources.reservations", LIMITS),
            Map.entry("deploy.restart_policy", List.of("condition", "delay", "max_attempts", "window")),
            Map.entry("deploy.placement", List.of("constraints", "preferences", "max_replicas_per_node")),
            Map.entry("healthcheck", List.of("test", "timeout", "interval", "retries", "start_period",
                    "start_interval", "disable")),
            Map.entry("ports[]", List.of("name", "mode", "host_ip", "target", "published", "protocol",
                    "app_protocol")),
            Map.entry("volumes[]", List.of("type", "source", "target", "read_only", "consistency", "bind", "volume",
                    "tmpfs", "image")),
            Map.entry("volumes[].bind", List.of("selinux", "propagation", "create_host_path", "recursive")),
            Map.entry("volumes[].volume", List.of("labels", "nocopy", "subpath")),
            Map.entry("volumes[].tmpfs", List.of("size", "mode")),
            Map.entry("networks.*", List.of("aliases", "driver_opts", "gw_priority", "interface_name", "ipv4_address",
                    "ipv6_address", "link_local_ips", "mac_address", "priority")),
            Map.entry("secrets[]", FILE_REF),
            Map.entry("configs[]", FILE_REF),
            Map.entry("devices[]", List.of("source", "target", "permissions")),
            Map.entry("logging", List.of("driver", "options")),
            Map.entry("ulimits.*", List.of("soft", "hard")),
            Map.entry("develop", List.of("watch")),
            Map.entry("develop.watch[]", List.of("path", "action", "target", "exec", "include", "ignore",
                    "initial_sync")),
            Map.entry("develop.watch[].exec", List.of("command", "user", "privileged", "working_dir",
                    "environment")));
    private static final Set<String> LEFT_OUT = Set.of("build", "pull_policy", "scale", "depends_on", "profiles");

    private ConfigHash() {
    }

    public static String of(YNode.Map service) {
        YNode.Map copy = service.copy();
        LEFT_OUT.forEach(copy::remove);
        if (copy.get("deploy") instanceof YNode.Map deploy) {
            deploy.remove("replicas");
        }
        StringBuilder json = new StringBuilder();
        write(copy, "", json);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The compact JSON that is hashed (for tests and for reading a difference). */
    static String json(YNode.Map service) {
        StringBuilder json = new StringBuilder();
        write(service, "", json);
        return json.toString();
    }

    private static void write(YNode node, String shape, StringBuilder out) {
        if (node instanceof YNode.Map map) {
            List<String> order = STRUCTS.get(shape);
            List<String> keys = new ArrayList<>(map.entries().keySet());
            if (order != null) {
                keys.sort((a, b) -> Integer.compare(rank(order, a), rank(order, b)));
            } else {
                keys.sort(null);
            }
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                String key = keys.get(i);
                string(key, out);
                out.append(':');
                String child = order != null ? (shape.isEmpty() ? key : shape + "." + key)
                        : shape + (shape.isEmpty() ? "*" : ".*");
                write(map.get(key), child, out);
            }
            out.append('}');
        } else if (node instanceof YNode.Seq seq) {
            out.append('[');
            for (int i = 0; i < seq.items().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(seq.items().get(i), shape + "[]", out);
            }
            out.append(']');
        } else {
            JsonScalars.write(((YNode.Scalar) node).value(), JsonScalars.Escaping.GO_HTML_SAFE, out);
        }
    }

    private static int rank(List<String> order, String key) {
        int i = order.indexOf(key);
        return i < 0 ? order.size() : i;
    }

    private static void string(String s, StringBuilder out) {
        JsonScalars.string(s, JsonScalars.Escaping.GO_HTML_SAFE, out);
    }
}
