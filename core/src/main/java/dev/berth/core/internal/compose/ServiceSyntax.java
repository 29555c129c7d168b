package dev.berth.core.internal.compose;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The short and long syntaxes of a service's structured keys, each turned into Compose's long (JSON) form. */
final class ServiceSyntax {
    private static final Pattern PORT = Pattern.compile("(?:(?:(?<ip>[0-9.]+|\\[[0-9a-fA-F:.]+]|[0-9a-fA-F]*:[0-9a-fA-F:]+)"
            + ":)?(?<host>\\d+(?:-\\d+)?)?:)?(?<target>\\d+(?:-\\d+)?)(?:/(?<proto>[a-zA-Z]+))?");
    private static final Set<String> PORT_KEYS = Set.of("name", "target", "published", "host_ip", "protocol",
            "app_protocol", "mode");
    private static final Set<String> VOLUME_KEYS = Set.of("type", "source", "target", "read_only", "consistency",
            "bind", "volume", "tmpfs", "image");
    private static final Set<String> VOLUME_MODES = Set.of("ro", "rw", "z", "Z", "nocopy", "consistent", "cached",
            "delegated", "shared", "rshared", "slave", "rslave", "private", "rprivate");
    private static final Set<String> NETWORK_KEYS = Set.of("aliases", "ipv4_address", "ipv6_address", "priority",
            "mac_address", "driver_opts", "link_local_ips", "gw_priority", "interface_name");
    private static final Set<String> CONDITIONS = Set.of("service_started", "service_healthy",
            "service_completed_successfully");

    private final Canon canon;

    ServiceSyntax(Canon canon) {
        this.canon = canon;
    }

    YNode.Seq ports(YNode node, String path) {
        YNode.Seq out = YNode.seq(node.mark());
        YNode.Seq seq = Canon.seq(node, path);
        for (int i = 0; i < seq.items().size(); i++) {
            YNode item = seq.items().get(i);
            String itemPath = Canon.item(path, i);
            if (item instanceof YNode.Map m) {
                Canon.onlyKeys(m, itemPath, PORT_KEYS);
                YNode.Map port = YNode.map(m.mark());
                port.put("mode", m.has("mode") ? Canon.str(m.get("mode"), itemPath + ".mode")
                        : YNode.scalar("ingress", m.mark()));
                copy(m, port, "name", itemPath);
                copy(m, port, "host_ip", itemPath);
                if (!m.has("target")) {
                    throw ComposeErrors.at(m, itemPath, "a port needs a 'target' (the container port)",
                            "add 'target: 80'");
                }
                port.put("target", Canon.integer(m.get("target"), itemPath + ".target"));
                copy(m, port, "published", itemPath);
                port.put("protocol", m.has("protocol") ? Canon.str(m.get("protocol"), itemPath + ".protocol")
                        : YNode.scalar("tcp", m.mark()));
                copy(m, port, "app_protocol", itemPath);
                out.add(port);
                continue;
            }
            shortPort(item, itemPath, out);
        }
        return out;
    }

    private static void copy(YNode.Map from, YNode.Map to, String key, String path) {
        if (from.has(key)) {
            to.put(key, Canon.str(from.get(key), Canon.child(path, key)));
        }
    }

    private void shortPort(YNode item, String path, YNode.Seq out) {
        String text = Canon.string(item, path);
        Matcher m = PORT.matcher(text.strip());
        String fix = "write [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], e.g. \"8080:80\", \"127.0.0.1:5432:5432\""
                + " or \"53:53/udp\"";
        if (!m.matches()) {
            throw ComposeErrors.at(item, path, "'" + text + "' is not a port mapping", fix);
        }
        int[] targets = range(m.group("target"), item, path, fix);
        String host = m.group("host");
        int[] hosts = host == null ? null : range(host, item, path, fix);
        if (hosts != null && hosts.length > 1 && targets.length > 1 && hosts.length != targets.length) {
            throw ComposeErrors.at(item, path, "'" + text + "' maps " + hosts.length + " host ports to "
                    + targets.length + " container ports", "give ranges of the same length");
        }
        String ip = m.group("ip");
        if (ip != null && ip.startsWith("[")) {
            ip = ip.substring(1, ip.length() - 1);
        }
        for (int i = 0; i < targets.length; i++) {
            YNode.Map port = YNode.map(item.mark());
            port.putScalar("mode", "ingress");
            if (ip != null && !ip.isEmpty()) {
                port.putScalar("host_ip", ip);
            }
            port.putScalar("target", (long) targets[i]);
            if (hosts != null) {
                port.putScalar("published", targets.length == 1 && hosts.length > 1 ? host
                        : String.valueOf(hosts[hosts.length == 1 ? 0 : i]));
            }
            port.putScalar("protocol", m.group("proto") == null ? "tcp" : m.group("proto").toLowerCase());
            out.add(port);
        }
    }

    private static int[] range(String text, YNode item, String path, String fix) {
        String[] parts = text.split("-");
        int from = Integer.parseInt(parts[0]);
        int to = parts.length > 1 ? Integer.parseInt(parts[1]) : from;
        if (from > 65535 || to > 65535 || to < from) {
            throw ComposeErrors.at(item, path, "'" + text + "' is not a port or port range (0-65535)", fix);
        }
        int[] ports = new int[to - from + 1];
        for (int i = 0; i < ports.length; i++) {
            ports[i] = from + i;
        }
        return ports;
    }

    YNode.Seq volumes(YNode node, String path) {
        YNode.Seq out = YNode.seq(node.mark());
        YNode.Seq seq = Canon.seq(node, path);
        for (int i = 0; i < seq.items().size(); i++) {
            YNode item = seq.items().get(i);
            String itemPath = Canon.item(path, i);
            out.add(item instanceof YNode.Map m ? longVolume(m, itemPath) : shortVolume(item, itemPath));
        }
        return out;
    }

    private YNode.Map longVolume(YNode.Map m, String path) {
        Canon.onlyKeys(m, path, VOLUME_KEYS);
        YNode.Map v = m.copy();
        if (!m.has("type")) {
            throw ComposeErrors.at(m, path, "a long-syntax volume needs a 'type'",
                    "add 'type: volume', 'type: bind' or 'type: tmpfs'");
        }
        String type = Canon.string(m.get("type"), path + ".type");
        if (!Set.of("volume", "bind", "tmpfs", "npipe", "cluster", "image").contains(type)) {
            throw ComposeErrors.at(m.get("type"), path + ".type", "'" + type + "' is not a volume type",
                    "use volume, bind, tmpfs or image");
        }
        if (!m.has("target")) {
            throw ComposeErrors.at(m, path, "a volume needs a 'target' (the path in the container)",
                    "add 'target: /data'");
        }
        if (m.has("read_only")) {
            v.put("read_only", Canon.bool(m.get("read_only"), path + ".read_only"));
        }
        if (type.equals("bind") && m.has("source")) {
            String source = Canon.string(m.get("source"), path + ".source");
            if (!source.matches("[A-Za-z]:[\\\\/].*")) {
                v.put("source", YNode.scalar(canon.resolve(source).toString(), m.get("source").mark()));
            }
        }
        if (v.get("bind") instanceof YNode.Map bind && bind.has("create_host_path")) {
            YNode.Scalar create = Canon.bool(bind.get("create_host_path"), path + ".bind.create_host_path");
            // Compose 2.40 prints only a true create_host_path (false is its default for the long syntax).
            if (Boolean.TRUE.equals(create.value())) {
                bind.put("create_host_path", create);
            } else {
                bind.remove("create_host_path");
            }
        }
        if (m.get("volume") instanceof YNode.Map vol && vol.has("nocopy")) {
            vol.put("nocopy", Canon.bool(vol.get("nocopy"), path + ".volume.nocopy"));
        }
        if (m.get("tmpfs") instanceof YNode.Map tmpfs && tmpfs.has("size")) {
            ((YNode.Map) v.get("tmpfs")).put("size", Canon.bytes(tmpfs.get("size"), path + ".tmpfs.size"));
        }
        return v;
    }

    private YNode.Map shortVolume(YNode item, String path) {
        String text = Canon.string(item, path);
        String[] parts = text.split(":");
        String fix = "write NAME:/path, ./host/path:/path, /host/path:/path or /path, optionally with :ro";
        YNode.Map v = YNode.map(item.mark());
        if (parts.length == 1) {
            v.putScalar("type", "volume").putScalar("target", parts[0]).put("volume", YNode.map(item.mark()));
            return v;
        }
        if (parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw ComposeErrors.at(item, path, "'" + text + "' is not a volume mount", fix);
        }
        String source = parts[0];
        boolean bind = source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
        YNode.Map options = YNode.map(item.mark());
        boolean readOnly = false;
        if (parts.length == 3) {
            for (String mode : parts[2].split(",")) {
                if (!VOLUME_MODES.contains(mode)) {
                    throw ComposeErrors.at(item, path, "'" + mode + "' is not a volume mode",
                            "use ro, rw, z, Z, nocopy or a propagation mode such as rshared");
                }
                switch (mode) {
                    case "ro" -> readOnly = true;
                    case "z", "Z" -> options.putScalar("selinux", mode);
                    case "nocopy" -> options.putScalar("nocopy", true);
                    case "shared", "rshared", "slave", "rslave", "private", "rprivate" ->
                            options.putScalar("propagation", mode);
                    default -> {
                    }
                }
            }
        }
        v.putScalar("type", bind ? "bind" : "volume");
        v.putScalar("source", bind ? canon.resolve(source).toString() : source);
        v.putScalar("target", parts[1]);
        if (readOnly) {
            v.putScalar("read_only", true);
        }
        if (bind) {
            options.remove("nocopy");
            options.putScalar("create_host_path", true);
        } else {
            options.remove("selinux");
            options.remove("propagation");
        }
        v.put(bind ? "bind" : "volume", options);
        return v;
    }

    /** {@code host:ip}, {@code host=ip} or a mapping, as Compose's {@code host=ip} list. */
    YNode.Seq extraHosts(YNode node, String path) {
        YNode.Seq out = YNode.seq(node.mark());
        if (node instanceof YNode.Map m) {
            m.entries().forEach((host, ip) -> {
                if (ip instanceof YNode.Seq ips) {
                    ips.items().forEach(x -> out.add(YNode.scalar(host + "=" + Canon.text(x), x.mark())));
                } else {
                    out.add(YNode.scalar(host + "=" + Canon.string(ip, Canon.child(path, host)), ip.mark()));
                }
            });
            return out;
        }
        YNode.Seq seq = Canon.seq(node, path);
        for (int i = 0; i < seq.items().size(); i++) {
            YNode item = seq.items().get(i);
            String text = Canon.string(item, Canon.item(path, i));
            int sep = text.indexOf('=') >= 0 ? text.indexOf('=') : text.indexOf(':');
            if (sep <= 0) {
                throw ComposeErrors.at(item, Canon.item(path, i), "'" + text + "' is not HOST=IP",
                        "write \"myhost=10.0.0.5\" or \"myhost:10.0.0.5\"");
            }
            out.add(YNode.scalar(text.substring(0, sep) + "=" + text.substring(sep + 1), item.mark()));
        }
        return out;
    }

    YNode.Map dependsOn(YNode node, String path) {
        YNode.Map out = YNode.map(node.mark());
        if (node instanceof YNode.Seq seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                YNode item = seq.items().get(i);
                out.put(Canon.string(item, Canon.item(path, i)), started(item.mark()), item.mark());
            }
            return out;
        }
        YNode.Map map = Canon.map(node, path);
        for (var e : map.entries().entrySet()) {
            String p = Canon.child(path, e.getKey());
            YNode.Map options = Canon.mapOrNull(e.getValue(), p);
            Canon.onlyKeys(options, p, Set.of("condition", "required", "restart"));
            YNode.Map dep = YNode.map(e.getValue().mark());
            YNode condition = options.has("condition") ? Canon.str(options.get("condition"), p + ".condition")
                    : YNode.scalar("service_started", dep.mark());
            if (!CONDITIONS.contains(Canon.text(condition))) {
                throw ComposeErrors.at(condition, p + ".condition", "'" + Canon.text(condition)
                        + "' is not a depends_on condition", "use one of " + CONDITIONS);
            }
            dep.put("condition", condition);
            if (options.has("restart") && Boolean.TRUE.equals(Canon.bool(options.get("restart"), p + ".restart")
                    .value())) {
                dep.putScalar("restart", true);
            }
            dep.put("required", options.has("required") ? Canon.bool(options.get("required"), p + ".required")
                    : YNode.scalar(true, dep.mark()));
            out.put(e.getKey(), dep, map.keyMark(e.getKey()));
        }
        return out;
    }

    static YNode.Map started(YNode.Mark mark) {
        return YNode.map(mark).putScalar("condition", "service_started").putScalar("required", true);
    }

    YNode.Map networks(YNode node, String path) {
        YNode.Map out = YNode.map(node.mark());
        if (node instanceof YNode.Seq seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                YNode item = seq.items().get(i);
                out.put(Canon.string(item, Canon.item(path, i)), YNode.scalar(null, item.mark()), item.mark());
            }
            return out;
        }
        YNode.Map map = Canon.map(node, path);
        for (var e : map.entries().entrySet()) {
            String p = Canon.child(path, e.getKey());
            YNode value = e.getValue();
            if (!(value instanceof YNode.Scalar s && s.isNull())) {
                YNode.Map options = Canon.map(value, p);
                Canon.onlyKeys(options, p, NETWORK_KEYS);
                if (options.has("aliases")) {
                    options.put("aliases", Canon.strings(options.get("aliases"), p + ".aliases"));
                }
                if (options.has("priority")) {
                    options.put("priority", Canon.integer(options.get("priority"), p + ".priority"));
                }
            }
            out.put(e.getKey(), value, map.keyMark(e.getKey()));
        }
        return out;
    }
}
