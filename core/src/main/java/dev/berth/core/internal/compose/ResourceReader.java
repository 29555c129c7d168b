package dev.berth.core.internal.compose;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The project's top-level networks, volumes, secrets and configs, typed; options Berth cannot create fail here. */
final class ResourceReader {
    private ResourceReader() {
    }

    static Map<String, ComposeModel.Network> networks(YNode.Map tree) {
        Map<String, ComposeModel.Network> out = new LinkedHashMap<>();
        if (!(tree.get("networks") instanceof YNode.Map nets)) {
            return out;
        }
        nets.entries().forEach((key, value) -> {
            YNode.Map n = (YNode.Map) value;
            String path = "networks." + key;
            allowed(n, path, Set.of("name", "driver", "driver_opts", "external", "internal", "labels", "ipam"));
            String subnet = null;
            String gateway = null;
            if (n.get("ipam") instanceof YNode.Map ipam) {
                allowed(ipam, path + ".ipam", Set.of("driver", "config"));
                if (ipam.get("config") instanceof YNode.Seq configs && !configs.items().isEmpty()) {
                    if (configs.items().size() > 1) {
                        throw ModelReader.unsupported(configs.items().get(1).mark(), path + ".ipam.config[1]",
                                "more than one ipam config");
                    }
                    YNode.Map config = (YNode.Map) configs.items().get(0);
                    allowed(config, path + ".ipam.config[0]", Set.of("subnet", "gateway"));
                    subnet = ModelReader.text(config, "subnet");
                    gateway = ModelReader.text(config, "gateway");
                }
            }
            out.put(key, new ComposeModel.Network(ModelReader.text(n, "name"), ModelReader.bool(n, "external"),
                    ModelReader.text(n, "driver"), ModelReader.strings(n, "labels"), ModelReader.bool(n, "internal"),
                    subnet, gateway, ModelReader.strings(n, "driver_opts")));
        });
        return out;
    }

    static Map<String, ComposeModel.Volume> volumes(YNode.Map tree) {
        Map<String, ComposeModel.Volume> out = new LinkedHashMap<>();
        if (tree.get("volumes") instanceof YNode.Map vols) {
            vols.entries().forEach((key, value) -> {
                YNode.Map v = (YNode.Map) value;
                out.put(key, new ComposeModel.Volume(ModelReader.text(v, "name"), ModelReader.bool(v, "external"),
                        ModelReader.text(v, "driver"), ModelReader.strings(v, "driver_opts"),
                        ModelReader.strings(v, "labels")));
            });
        }
        return out;
    }

    static Map<String, ComposeModel.FileSource> files(YNode.Map tree, String kind) {
        Map<String, ComposeModel.FileSource> out = new LinkedHashMap<>();
        if (tree.get(kind) instanceof YNode.Map defs) {
            defs.entries().forEach((key, value) -> {
                YNode.Map f = (YNode.Map) value;
                String path = kind + "." + key;
                allowed(f, path, Set.of("name", "file", "environment", "content", "external"));
                if (ModelReader.bool(f, "external")) {
                    throw ModelReader.unsupported(f.keyMark("external"), path + ".external",
                            "an external " + kind.substring(0, kind.length() - 1) + " (it lives in Swarm)");
                }
                String file = ModelReader.text(f, "file");
                out.put(key, new ComposeModel.FileSource(ModelReader.text(f, "name"),
                        file == null ? null : Path.of(file), ModelReader.text(f, "environment"),
                        ModelReader.text(f, "content"), false));
            });
        }
        return out;
    }

    private static void allowed(YNode.Map map, String path, Set<String> keys) {
        for (String key : map.entries().keySet()) {
            if (!keys.contains(key)) {
                throw ModelReader.unsupported(map.keyMark(key), path + "." + key, "'" + key + "'");
            }
        }
    }
}
