package dev.berth.core.internal.compose;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Reading typed values out of {@link YNode}s, each failure an error at the node with its key path. Also the context
 * one file is read in: the directory its relative paths start from and the variables of its project.
 */
final class Canon {
    final Path baseDir;
    final Function<String, String> env;

    Canon(Path baseDir, Function<String, String> env) {
        this.baseDir = baseDir;
        this.env = env;
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String item(String path, int index) {
        return path + "[" + index + "]";
    }

    static YNode.Map map(YNode node, String path) {
        if (node instanceof YNode.Map m) {
            return m;
        }
        throw ComposeErrors.at(node, path, "must be a mapping (key: value), not " + describe(node),
                "write it as 'key: value' lines under " + last(path));
    }

    /** A mapping, or an empty one for {@code key:} with nothing after it. */
    static YNode.Map mapOrNull(YNode node, String path) {
        return node instanceof YNode.Scalar s && s.isNull() ? YNode.map(node.mark()) : map(node, path);
    }

    static YNode.Seq seq(YNode node, String path) {
        if (node instanceof YNode.Seq s) {
            return s;
        }
        throw ComposeErrors.at(node, path, "must be a list, not " + describe(node),
                "write one item per line, each starting with '- '");
    }

    static YNode.Scalar scalar(YNode node, String path) {
        if (node instanceof YNode.Scalar s) {
            return s;
        }
        throw ComposeErrors.at(node, path, "must be a single value, not " + describe(node), "write a plain value");
    }

    static String string(YNode node, String path) {
        YNode.Scalar s = scalar(node, path);
        if (s.isNull()) {
            throw ComposeErrors.at(node, path, "must have a value", "write a value after the ':'");
        }
        return s.text();
    }

    static YNode.Scalar str(YNode node, String path) {
        return YNode.scalar(string(node, path), node.mark());
    }

    static YNode.Scalar bool(YNode node, String path) {
        Object v = scalar(node, path).value();
        if (v instanceof Boolean) {
            return (YNode.Scalar) node;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return YNode.scalar(Boolean.valueOf(s.toLowerCase(java.util.Locale.ROOT)), node.mark());
        }
        throw ComposeErrors.at(node, path, "'" + text(node) + "' is not true or false", "write true or false");
    }

    static YNode.Scalar integer(YNode node, String path) {
        Object v = scalar(node, path).value();
        if (v instanceof Long) {
            return (YNode.Scalar) node;
        }
        if (v instanceof String s && s.strip().matches("[-+]?\\d{1,18}")) {
            return YNode.scalar(Long.parseLong(s.strip().replace("+", "")), node.mark());
        }
        throw ComposeErrors.at(node, path, "'" + text(node) + "' is not a whole number", "write digits only, e.g. 3");
    }

    static YNode.Scalar number(YNode node, String path) {
        Object v = scalar(node, path).value();
        if (v instanceof Long || v instanceof Double) {
            return (YNode.Scalar) node;
        }
        try {
            if (v instanceof String s) {
                double d = Double.parseDouble(s.strip());
                return YNode.scalar(d == Math.rint(d) && !s.contains(".") ? (Object) (long) d : (Object) d,
                        node.mark());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ComposeErrors.at(node, path, "'" + text(node) + "' is not a number", "write a number, e.g. 0.5");
    }

    /** A byte size, rendered as Compose does: the number of bytes, as a string. */
    static YNode.Scalar bytes(YNode node, String path) {
        Object v = scalar(node, path).value();
        Long bytes = v instanceof Long l ? l : Units.parseBytes(text(node));
        if (bytes == null) {
            throw ComposeErrors.at(node, path, "'" + text(node) + "' is not a size", "write it like 512m, 1g or 1024");
        }
        return YNode.scalar(String.valueOf(bytes), node.mark());
    }

    /** A Go duration, rendered as Go prints it ({@code 90s} becomes {@code 1m30s}). */
    static YNode.Scalar duration(YNode node, String path) {
        Long nanos = scalar(node, path).value() instanceof String s ? Units.parseDuration(s) : null;
        if (nanos == null) {
            throw ComposeErrors.at(node, path, "'" + text(node) + "' is not a duration",
                    "write it like 10s, 1m30s or 500ms (with a unit)");
        }
        return YNode.scalar(Units.formatDuration(nanos), node.mark());
    }

    /** A string or a list of strings, as a list ({@code dns: 8.8.8.8} is {@code [8.8.8.8]}). */
    static YNode.Seq strings(YNode node, String path) {
        YNode.Seq out = YNode.seq(node.mark());
        if (node instanceof YNode.Scalar) {
            return out.add(str(node, path));
        }
        YNode.Seq seq = seq(node, path);
        for (int i = 0; i < seq.items().size(); i++) {
            out.add(str(seq.items().get(i), item(path, i)));
        }
        return out;
    }

    /**
     * {@code [K=V, K]} or {@code {K: V}} as a mapping of strings; {@code missing} gives the value of a bare K (or a
     * null value), which may be null itself.
     */
    static YNode.Map keyValues(YNode node, String path, Function<String, String> missing) {
        YNode.Map out = YNode.map(node.mark());
        if (node instanceof YNode.Seq seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                YNode entry = seq.items().get(i);
                String text = string(entry, item(path, i));
                int eq = text.indexOf('=');
                if (eq == 0) {
                    throw ComposeErrors.at(entry, item(path, i), "'" + text + "' has no name before '='",
                            "write NAME=value");
                }
                String key = eq < 0 ? text : text.substring(0, eq);
                out.put(key, YNode.scalar(eq < 0 ? missing.apply(key) : text.substring(eq + 1), entry.mark()),
                        entry.mark());
            }
            return out;
        }
        for (Map.Entry<String, YNode> e : mapOrNull(node, path).entries().entrySet()) {
            YNode value = e.getValue();
            String childPath = child(path, e.getKey());
            Object resolved = value instanceof YNode.Scalar s && s.isNull() ? missing.apply(e.getKey())
                    : scalar(value, childPath).text();
            out.put(e.getKey(), YNode.scalar(resolved, value.mark()), ((YNode.Map) node).keyMark(e.getKey()));
        }
        return out;
    }

    /** Passes a value through unchanged (for sections Berth keeps as written, such as {@code develop}). */
    static YNode same(YNode node, String path) {
        return node;
    }

    /** The map's keys must be among {@code allowed}; an unknown key is named with the keys that exist. */
    static void onlyKeys(YNode.Map map, String path, java.util.Set<String> allowed) {
        for (String key : map.entries().keySet()) {
            if (!allowed.contains(key) && !key.startsWith("x-")) {
                throw ComposeErrors.at(map.keyMark(key), child(path, key), "'" + key + "' is not a key of "
                        + last(path), "check the spelling; the keys are " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    Path resolve(String path) {
        if (path.startsWith("~")) {
            String home = env.apply("HOME");
            return Path.of((home != null ? home : System.getProperty("user.home")) + path.substring(1)).normalize();
        }
        return baseDir.resolve(path).normalize();
    }

    /**
     * Like {@link #resolve} but from the project directory with its symbolic links resolved, which is how Compose
     * prints {@code develop.watch} paths (the path's own last parts stay as written, even when missing).
     */
    Path resolveFromRealBase(String path) {
        if (path.startsWith("~") || Path.of(path).isAbsolute()) {
            return resolve(path);
        }
        try {
            return baseDir.toRealPath().resolve(path).normalize();
        } catch (java.io.IOException e) {
            return resolve(path); // no such directory: nothing to resolve
        }
    }

    static String text(YNode node) {
        return node instanceof YNode.Scalar s ? s.text() : describe(node);
    }

    static String describe(YNode node) {
        return node instanceof YNode.Map ? "a mapping" : node instanceof YNode.Seq ? "a list"
                : ((YNode.Scalar) node).isNull() ? "empty" : "'" + ((YNode.Scalar) node).text() + "'";
    }

    private static String last(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

}
