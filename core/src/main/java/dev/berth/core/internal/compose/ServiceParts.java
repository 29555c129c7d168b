package dev.berth.core.internal.compose;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The structured parts of one normalized service, typed for {@code up}; sub-keys Berth cannot run fail here. */
final class ServiceParts {
    private final YNode.Map s;
    private final String path;
    ServiceParts(YNode.Map s, String path) {
        this.s = s;
        this.path = path;
    }

    List<String> words(String key) {
        return s.get(key) instanceof YNode.Seq ? ModelReader.list(s, key) : null;
    }

    /** Variables without a value (unset in Compose's environment) are left out, as Compose leaves them out. */
    Map<String, String> environment() {
        Map<String, String> out = new LinkedHashMap<>();
        ModelReader.strings(s, "environment").forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    List<ComposeModel.Port> ports() {
        List<ComposeModel.Port> out = new ArrayList<>();
        if (!(s.get("ports") instanceof YNode.Seq ports)) {
            return out;
        }
        for (int i = 0; i < ports.items().size(); i++) {
            YNode.Map p = (YNode.Map) ports.items().get(i);
            String published = ModelReader.text(p, "published");
            int host = 0;
            int hostEnd = 0;
            if (published != null && !published.isEmpty()) {
                String[] range = published.split("-");
                if (!range[0].matches("\\d{1,5}") || range.length > 2 || range.length == 2 && !range[1].matches("\\d{1,5}")) {
                    throw ComposeErrors.at(p, Canon.item(path + ".ports", i) + ".published", "'" + published
                            + "' is not a host port", "write a port number such as 8080");
                }
                host = Integer.parseInt(range[0]);
                hostEnd = range.length == 2 ? Integer.parseInt(range[1]) : host;
                if (hostEnd != host) {
                    throw ModelReader.unsupported(p.mark(), Canon.item(path + ".ports", i) + ".published",
                            "a host port range for one container port");
                }
            }
            out.add(new ComposeModel.Port(((Long) ((YNode.Scalar) p.get("target")).value()).intValue(),
                    ModelReader.text(p, "protocol"), ModelReader.text(p, "host_ip"), host, hostEnd));
        }
        return out;
    }

    List<ComposeModel.Mount> mounts() {
        List<ComposeModel.Mount> out = new ArrayList<>();
        if (!(s.get("volumes") instanceof YNode.Seq volumes)) {
            return out;
        }
        for (int i = 0; i < volumes.items().size(); i++) {
            YNode.Map v = (YNode.Map) volumes.items().get(i);
            String p = Canon.item(path + ".volumes", i);
            String type = ModelReader.text(v, "type");
            if (!Set.of("volume", "bind", "tmpfs").contains(type)) {
                throw ModelReader.unsupported(v.mark(), p + ".type", "a volume of type " + type);
            }
            for (String option : new String[] {"bind", "volume", "tmpfs"}) {
                if (v.get(option) instanceof YNode.Map opts) {
                    for (String key : opts.entries().keySet()) {
                        if (!Set.of("create_host_path", "size", "mode").contains(key)) {
                            throw ModelReader.unsupported(opts.keyMark(key), p + "." + option + "." + key,
                                    "the volume option " + option + "." + key);
                        }
                    }
                }
            }
            long size = v.get("tmpfs") instanceof YNode.Map t && t.get("size") instanceof YNode.Scalar sz
                    ? Long.parseLong(sz.text()) : 0;
            out.add(new ComposeModel.Mount(type, ModelReader.text(v, "source"), ModelReader.text(v, "target"),
                    ModelReader.bool(v, "read_only"), size));
        }
        return out;
    }

    Map<String, ComposeModel.Attachment> networks() {
        Map<String, ComposeModel.Attachment> out = new LinkedHashMap<>();
        if (!(s.get("networks") instanceof YNode.Map nets)) {
            return out;
        }
        nets.entries().forEach((name, value) -> {
            List<String> aliases = List.of();
            String ipv4 = null;
            String ipv6 = null;
            if (value instanceof YNode.Map options) {
                for (String key : options.entries().keySet()) {
                    if (!Set.of("aliases", "ipv4_address", "ipv6_address").contains(key)) {
                        throw ModelReader.unsupported(options.keyMark(key), path + ".networks." + name + "." + key,
                                "the network option " + key);
                    }
                }
                aliases = ModelReader.list(options, "aliases");
                ipv4 = ModelReader.text(options, "ipv4_address");
                ipv6 = ModelReader.text(options, "ipv6_address");
            }
            out.put(name, new ComposeModel.Attachment(aliases, ipv4, ipv6));
        });
        return out;
    }

    Map<String, ComposeModel.Dependency> dependsOn() {
        Map<String, ComposeModel.Dependency> out = new LinkedHashMap<>();
        if (s.get("depends_on") instanceof YNode.Map deps) {
            deps.entries().forEach((name, value) -> {
                YNode.Map d = (YNode.Map) value;
                out.put(name, new ComposeModel.Dependency(ModelReader.text(d, "condition"),
                        !(d.get("required") instanceof YNode.Scalar r && Boolean.FALSE.equals(r.value())),
                        ModelReader.bool(d, "restart")));
            });
        }
        return out;
    }

    ComposeModel.Process process() {
        Duration grace = s.has("stop_grace_period") ? ModelReader.duration(s, "stop_grace_period", null) : null;
        Map<String, String> hosts = ModelReader.hosts(ModelReader.list(s, "extra_hosts"));
        return new ComposeModel.Process(ModelReader.text(s, "working_dir"), ModelReader.text(s, "user"),
                ModelReader.text(s, "hostname"), ModelReader.bool(s, "tty"), ModelReader.bool(s, "stdin_open"),
                ModelReader.text(s, "stop_signal"), grace, ModelReader.bool(s, "read_only"),
                ModelReader.list(s, "cap_add"), ModelReader.list(s, "cap_drop"), hosts,
                ModelReader.list(s, "tmpfs").stream().map(t -> t.split(":")[0]).toList(), ModelReader.bool(s, "init"),
                ModelReader.text(s, "platform"), s.has("shm_size") ? Long.valueOf(ModelReader.text(s, "shm_size")) : null,
                ulimits(), ModelReader.strings(s, "sysctls"), ModelReader.bool(s, "privileged"),
                ModelReader.list(s, "dns"), ModelReader.list(s, "dns_search"));
    }

    /** Normalized {@code ulimits}: {@code name: {soft, hard}}, or {@code name: N} for soft = hard = N. */
    private List<dev.berth.ContainerSettings.Ulimit> ulimits() {
        List<dev.berth.ContainerSettings.Ulimit> out = new ArrayList<>();
        if (s.get("ulimits") instanceof YNode.Map limits) {
            limits.entries().forEach((name, v) -> {
                long soft = v instanceof YNode.Map m ? number(m.get("soft")) : number(v);
                long hard = v instanceof YNode.Map m ? number(m.get("hard")) : soft;
                out.add(new dev.berth.ContainerSettings.Ulimit(name, soft, hard));
            });
        }
        return out;
    }

    private static long number(YNode node) {
        return Long.parseLong(Canon.text(node));
    }

    /** {@code mem_limit}/{@code cpus}/{@code pids_limit}, or the same from {@code deploy.resources.limits}. */
    ComposeModel.Limits limits() {
        YNode.Map limits = YNode.map(s.mark());
        if (s.get("deploy") instanceof YNode.Map d) {
            for (String key : d.entries().keySet()) {
                if (!Set.of("resources", "replicas", "restart_policy", "placement", "mode", "labels",
                        "update_config", "rollback_config", "endpoint_mode").contains(key)) {
                    throw ModelReader.unsupported(d.keyMark(key), path + ".deploy." + key, "deploy." + key);
                }
            }
            if (d.get("resources") instanceof YNode.Map r) {
                if (r.get("limits") instanceof YNode.Map l) {
                    for (String key : l.entries().keySet()) {
                        if (!Set.of("cpus", "memory", "pids").contains(key)) {
                            throw ModelReader.unsupported(l.keyMark(key), path + ".deploy.resources.limits." + key,
                                    "deploy.resources.limits." + key);
                        }
                    }
                    limits = l;
                }
            }
        }
        String memory = ModelReader.text(s, "mem_limit") != null ? ModelReader.text(s, "mem_limit")
                : ModelReader.text(limits, "memory");
        String cpus = ModelReader.text(s, "cpus") != null ? ModelReader.text(s, "cpus") : ModelReader.text(limits, "cpus");
        String pids = ModelReader.text(s, "pids_limit") != null ? ModelReader.text(s, "pids_limit")
                : ModelReader.text(limits, "pids");
        return new ComposeModel.Limits(memory == null ? null : Long.valueOf(memory),
                cpus == null ? null : Double.valueOf(cpus), pids == null ? null : Long.valueOf(pids));
    }

    /** Secrets go to /run/secrets/NAME (or their target), configs to /NAME (or their target), read-only. */
    List<ComposeModel.FileMount> files() {
        List<ComposeModel.FileMount> out = new ArrayList<>();
        for (String kind : new String[] {"secrets", "configs"}) {
            if (!(s.get(kind) instanceof YNode.Seq refs)) {
                continue;
            }
            for (int i = 0; i < refs.items().size(); i++) {
                YNode.Map r = (YNode.Map) refs.items().get(i);
                String p = Canon.item(path + "." + kind, i);
                for (String key : new String[] {"uid", "gid"}) {
                    if (r.has(key)) {
                        throw ModelReader.unsupported(r.keyMark(key), p + "." + key, kind + "." + key);
                    }
                }
                String source = ModelReader.text(r, "source");
                String target = ModelReader.text(r, "target");
                if (target == null) {
                    target = "/" + source;
                } else if (!target.startsWith("/")) {
                    target = (kind.equals("secrets") ? "/run/secrets/" : "/") + target;
                }
                String mode = ModelReader.text(r, "mode");
                out.add(new ComposeModel.FileMount(kind + ":" + source, target,
                        mode == null ? 0444 : Integer.parseInt(mode, 8)));
            }
        }
        return out;
    }

    int replicas() {
        if (s.get("deploy") instanceof YNode.Map d && d.get("replicas") instanceof YNode.Scalar r) {
            return ((Long) r.value()).intValue();
        }
        return s.get("scale") instanceof YNode.Scalar scale ? ((Long) scale.value()).intValue() : 1;
    }

}
