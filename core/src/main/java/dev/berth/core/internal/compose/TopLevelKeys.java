package dev.berth.core.internal.compose;

import java.util.Set;

/** The top-level {@code networks}, {@code volumes}, {@code secrets} and {@code configs} in Compose's long form. */
final class TopLevelKeys {
    private static final Set<String> NETWORK_KEYS = Set.of("name", "driver", "driver_opts", "ipam", "external",
            "internal", "attachable", "enable_ipv6", "enable_ipv4", "labels");
    private static final Set<String> VOLUME_KEYS = Set.of("name", "driver", "driver_opts", "external", "labels");
    private static final Set<String> FILE_KEYS = Set.of("name", "file", "environment", "content", "external",
            "labels", "driver", "driver_opts", "template_driver");

    private final Canon canon;

    TopLevelKeys(Canon canon) {
        this.canon = canon;
    }

    YNode.Map section(String kind, YNode node) {
        YNode.Map out = YNode.map(node.mark());
        YNode.Map m = Canon.mapOrNull(node, kind);
        for (var e : m.entries().entrySet()) {
            String p = Canon.child(kind, e.getKey());
            YNode.Map def = Canon.mapOrNull(e.getValue(), p).copy();
            switch (kind) {
                case "networks" -> network(def, p);
                case "volumes" -> volume(def, p);
                default -> file(def, p, kind);
            }
            out.put(e.getKey(), def, m.keyMark(e.getKey()));
        }
        return out;
    }

    private void network(YNode.Map n, String path) {
        Canon.onlyKeys(n, path, NETWORK_KEYS);
        common(n, path);
        for (String key : new String[] {"internal", "attachable", "enable_ipv6", "enable_ipv4"}) {
            if (n.has(key)) {
                n.put(key, Canon.bool(n.get(key), Canon.child(path, key)));
            }
        }
        if (n.has("ipam")) {
            YNode.Map ipam = Canon.mapOrNull(n.get("ipam"), path + ".ipam");
            Canon.onlyKeys(ipam, path + ".ipam", Set.of("driver", "config", "options"));
            if (ipam.has("config")) {
                YNode.Seq configs = Canon.seq(ipam.get("config"), path + ".ipam.config");
                for (int i = 0; i < configs.items().size(); i++) {
                    String p = Canon.item(path + ".ipam.config", i);
                    Canon.onlyKeys(Canon.map(configs.items().get(i), p), p,
                            Set.of("subnet", "ip_range", "gateway", "aux_addresses"));
                }
            }
        } else {
            n.put("ipam", YNode.map(n.mark()));
        }
    }

    private void volume(YNode.Map v, String path) {
        Canon.onlyKeys(v, path, VOLUME_KEYS);
        common(v, path);
        // A local volume bound to a host directory: Compose resolves the device like a bind mount's source.
        if (v.get("driver_opts") instanceof YNode.Map opts && opts.get("device") instanceof YNode.Scalar device
                && opts.get("o") instanceof YNode.Scalar o && o.text().contains("bind")) {
            opts.put("device", YNode.scalar(canon.resolve(device.text()).toString(), device.mark()));
        }
    }

    private void file(YNode.Map f, String path, String kind) {
        Canon.onlyKeys(f, path, FILE_KEYS);
        common(f, path);
        long sources = Set.of("file", "environment", "content", "external").stream().filter(f::has).count();
        if (sources != 1) {
            throw ComposeErrors.at(f, path, (sources == 0 ? "has no source" : "has more than one source"),
                    "give exactly one of 'file', 'environment'" + (kind.equals("configs") ? ", 'content'" : "")
                            + " or 'external: true'");
        }
        if (f.has("content") && kind.equals("secrets")) {
            throw ComposeErrors.at(f.keyMark("content"), path + ".content", "a secret cannot be given as content",
                    "put it in a file or an environment variable");
        }
        if (f.has("file")) {
            f.put("file", YNode.scalar(canon.resolve(Canon.string(f.get("file"), path + ".file")).toString(),
                    f.get("file").mark()));
        }
        for (String key : new String[] {"environment", "content"}) {
            if (f.has(key)) {
                f.put(key, Canon.str(f.get(key), Canon.child(path, key)));
            }
        }
    }

    private static void common(YNode.Map def, String path) {
        if (def.has("labels")) {
            def.put("labels", Canon.keyValues(def.get("labels"), path + ".labels", k -> ""));
        }
        if (def.has("driver_opts")) {
            def.put("driver_opts", Canon.keyValues(def.get("driver_opts"), path + ".driver_opts", k -> ""));
        }
        if (def.has("name")) {
            def.put("name", Canon.str(def.get("name"), path + ".name"));
        }
        if (def.has("external")) {
            YNode external = def.get("external");
            if (external instanceof YNode.Map legacy && legacy.has("name")) {
                def.put("name", Canon.str(legacy.get("name"), path + ".external.name"));
                def.putScalar("external", true);
            } else {
                def.put("external", Canon.bool(external, path + ".external"));
            }
            if (Boolean.FALSE.equals(((YNode.Scalar) def.get("external")).value())) {
                def.remove("external");
            }
        }
    }
}
