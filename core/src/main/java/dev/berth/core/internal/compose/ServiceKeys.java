package dev.berth.core.internal.compose;

import dev.berth.core.internal.text.ShellWords;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The key mapping of one service: every key of the Compose spec, each checked and turned into the form
 * {@code docker compose config} prints. Unknown keys fail, naming the key. Relative paths are resolved here,
 * against the directory of the file that wrote them.
 */
final class ServiceKeys {
    /** One key's conversion: the value as written to the value in Compose's long form. */
    private interface Key {
        YNode apply(ServiceKeys keys, YNode value, String path);
    }

    private static final Map<String, Key> KEYS = new LinkedHashMap<>();

    static {
        for (String k : new String[] {"image", "container_name", "hostname", "domainname", "working_dir", "platform",
                "network_mode", "ipc", "pid", "uts", "cgroup", "cgroup_parent", "isolation", "mac_address",
                "stop_signal", "runtime", "userns_mode", "pull_policy", "cpuset", "user"}) {
            KEYS.put(k, (s, v, p) -> Canon.str(v, p));
        }
        KEYS.put("init", (s, v, p) -> Canon.bool(v, p));
        for (String k : new String[] {"privileged", "read_only", "stdin_open", "tty", "oom_kill_disable",
                "use_api_socket"}) {
            KEYS.put(k, (s, v, p) -> Canon.bool(v, p));
        }
        for (String k : new String[] {"cpu_shares", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota",
                "oom_score_adj", "pids_limit", "scale", "mem_swappiness"}) {
            KEYS.put(k, (s, v, p) -> Canon.integer(v, p));
        }
        for (String k : new String[] {"mem_limit", "memswap_limit", "mem_reservation", "shm_size"}) {
            KEYS.put(k, (s, v, p) -> Canon.bytes(v, p));
        }
        for (String k : new String[] {"cap_add", "cap_drop", "dns", "dns_search", "dns_opt", "expose", "tmpfs",
                "external_links", "links", "group_add", "security_opt", "profiles", "volumes_from"}) {
            KEYS.put(k, (s, v, p) -> Canon.strings(v, p));
        }
        for (String k : new String[] {"blkio_config", "credential_spec", "storage_opt",
                "gpus", "provider", "models", "post_start", "pre_stop", "label_file", "attach", "device_cgroup_rules",
                "cpu_rt_period", "cpu_rt_runtime", "lifecycle"}) {
            KEYS.put(k, (s, v, p) -> Canon.same(v, p));
        }
        KEYS.put("cpus", (s, v, p) -> Canon.number(v, p));
        KEYS.put("develop", (s, v, p) -> s.develop(v, p));
        KEYS.put("stop_grace_period", (s, v, p) -> Canon.duration(v, p));
        KEYS.put("restart", (s, v, p) -> restart(v, p));
        KEYS.put("command", (s, v, p) -> command(v, p));
        KEYS.put("entrypoint", (s, v, p) -> command(v, p));
        KEYS.put("environment", (s, v, p) -> Canon.keyValues(v, p, s.canon.env));
        KEYS.put("labels", (s, v, p) -> Canon.keyValues(v, p, k -> ""));
        KEYS.put("annotations", (s, v, p) -> Canon.keyValues(v, p, k -> ""));
        KEYS.put("sysctls", (s, v, p) -> Canon.keyValues(v, p, k -> ""));
        KEYS.put("extra_hosts", (s, v, p) -> s.syntax.extraHosts(v, p));
        KEYS.put("ports", (s, v, p) -> s.syntax.ports(v, p));
        KEYS.put("volumes", (s, v, p) -> s.syntax.volumes(v, p));
        KEYS.put("devices", (s, v, p) -> ServiceSections.devices(v, p));
        KEYS.put("logging", (s, v, p) -> ServiceSections.logging(v, p));
        KEYS.put("depends_on", (s, v, p) -> s.syntax.dependsOn(v, p));
        KEYS.put("networks", (s, v, p) -> s.syntax.networks(v, p));
        KEYS.put("healthcheck", (s, v, p) -> ServiceSections.healthcheck(v, p));
        KEYS.put("secrets", (s, v, p) -> ServiceSections.fileReferences(v, p, true));
        KEYS.put("configs", (s, v, p) -> ServiceSections.fileReferences(v, p, false));
        KEYS.put("ulimits", (s, v, p) -> ServiceSections.ulimits(v, p));
        KEYS.put("build", (s, v, p) -> new BuildKeys(s.canon).build(v, p));
        KEYS.put("deploy", (s, v, p) -> DeployKeys.deploy(v, p));
        KEYS.put("env_file", (s, v, p) -> s.envFiles(v, p));
        KEYS.put("extends", (s, v, p) -> s.extendsRef(v, p));
    }

    /** Keys of the Compose spec that only Swarm or docker's old v1 format ever used: Compose rejects them too. */
    private static final Set<String> UNKNOWN_HINTS = Set.of("cpuset_cpus", "mem", "memory", "volume_driver");

    /** Plain booleans Compose leaves out of its output when false (Go's omitempty); {@code init} is kept. */
    static final Set<String> OMITTED_WHEN_FALSE = Set.of("privileged", "read_only", "stdin_open", "tty",
            "oom_kill_disable", "use_api_socket");

    private final Canon canon;
    private final ServiceSyntax syntax;

    ServiceKeys(Canon canon) {
        this.canon = canon;
        this.syntax = new ServiceSyntax(canon);
    }

    /** The service in Compose's long form; {@code x-*} keys are dropped as Compose drops them. */
    YNode.Map service(YNode node, String path) {
        YNode.Map raw = Canon.mapOrNull(node, path);
        YNode.Map out = YNode.map(raw.mark());
        for (var e : raw.entries().entrySet()) {
            String key = e.getKey();
            if (key.startsWith("x-")) {
                continue;
            }
            Key mapping = KEYS.get(key);
            if (mapping == null) {
                throw ComposeErrors.at(raw.keyMark(key), Canon.child(path, key), "'" + key
                        + "' is not a service key" + (UNKNOWN_HINTS.contains(key) ? " (it was never part of"
                        + " the Compose spec)" : ""), "check the spelling; service keys are " + new TreeSet<>(KEYS.keySet()));
            }
            YNode value = e.getValue();
            if (value.mergeTag() == YNode.MergeTag.RESET) {
                out.put(key, value, raw.keyMark(key));
                continue;
            }
            if (value instanceof YNode.Scalar s && s.isNull() && !key.equals("command") && !key.equals("entrypoint")
                    && !key.equals("build") && !key.equals("deploy") && !key.equals("healthcheck")) {
                continue;
            }
            YNode converted = mapping.apply(this, value, Canon.child(path, key));
            out.put(key, converted.mergeTag() == value.mergeTag() ? converted : converted.tagged(value.mergeTag()),
                    raw.keyMark(key));
        }
        return out;
    }

    private static YNode restart(YNode node, String path) {
        String text = Canon.string(node, path);
        String fix = "use no, always, unless-stopped or on-failure[:MAX_RETRIES]";
        if (!text.matches("no|always|unless-stopped|on-failure(:.*)?")) {
            throw ComposeErrors.at(node, path, "'" + text + "' is not a restart policy", fix);
        }
        return Canon.str(node, path);
    }

    /** A list stays as written; a string is split into words the way Compose splits it (never {@code sh -c}). */
    private static YNode command(YNode node, String path) {
        if (node instanceof YNode.Scalar s && s.isNull()) {
            return s;
        }
        if (node instanceof YNode.Seq) {
            return Canon.strings(node, path);
        }
        String text = Canon.string(node, path);
        YNode.Seq words = YNode.seq(node.mark());
        try {
            ShellWords.split(text).forEach(w -> words.add(YNode.scalar(w, node.mark())));
        } catch (ShellWords.Failure e) {
            throw ComposeErrors.at(node, path, e.getMessage(), "close the quote, or write the command as a list");
        }
        return words;
    }

    /** {@code develop.watch}: paths made absolute from the real project directory, as Compose prints them. */
    private YNode develop(YNode node, String path) {
        YNode.Map develop = Canon.map(node, path).copy();
        if (develop.get("watch") instanceof YNode.Seq watch) {
            for (int i = 0; i < watch.items().size(); i++) {
                YNode.Map rule = Canon.map(watch.items().get(i), Canon.item(path + ".watch", i));
                if (rule.get("path") instanceof YNode.Scalar p && !p.isNull()) {
                    rule.put("path", YNode.scalar(canon.resolveFromRealBase(p.text()).toString(), p.mark()));
                }
                if (!rule.has("exec")) {
                    rule.put("exec", YNode.map(rule.mark()).putScalar("command", null));
                }
            }
        }
        return develop;
    }

    /** env_file entries as absolute {path, required}; they are read once the project is assembled. */
    private YNode envFiles(YNode node, String path) {
        YNode.Seq out = YNode.seq(node.mark());
        java.util.List<YNode> items = node instanceof YNode.Seq seq ? seq.items() : java.util.List.of(node);
        for (int i = 0; i < items.size(); i++) {
            YNode item = items.get(i);
            String p = node instanceof YNode.Seq ? Canon.item(path, i) : path;
            YNode.Map entry = YNode.map(item.mark());
            if (item instanceof YNode.Map m) {
                Canon.onlyKeys(m, p, Set.of("path", "required", "format"));
                if (!m.has("path")) {
                    throw ComposeErrors.at(m, p, "an env_file entry needs a 'path'", "add 'path: ./app.env'");
                }
                entry.putScalar("path", canon.resolve(Canon.string(m.get("path"), p + ".path")).toString());
                entry.put("required", m.has("required") ? Canon.bool(m.get("required"), p + ".required")
                        : YNode.scalar(true, m.mark()));
            } else {
                entry.putScalar("path", canon.resolve(Canon.string(item, p)).toString());
                entry.putScalar("required", true);
            }
            out.add(entry);
        }
        return out;
    }

    /** {@code extends: service} or {@code {service, file}}, with the file made absolute. */
    private YNode extendsRef(YNode node, String path) {
        YNode.Map out = YNode.map(node.mark());
        if (node instanceof YNode.Scalar) {
            return out.put("service", Canon.str(node, path));
        }
        YNode.Map m = Canon.map(node, path);
        Canon.onlyKeys(m, path, Set.of("service", "file"));
        if (!m.has("service")) {
            throw ComposeErrors.at(m, path, "extends needs the 'service' to extend", "add 'service: NAME'");
        }
        out.put("service", Canon.str(m.get("service"), path + ".service"));
        if (m.has("file")) {
            out.put("file", YNode.scalar(canon.resolve(Canon.string(m.get("file"), path + ".file")).toString(),
                    m.get("file").mark()));
        }
        return out;
    }
}
