package dev.berth.core.internal.compose;

import java.util.Set;

/** Service sections with their own small grammar: healthcheck, secrets/configs references, ulimits, devices. */
final class ServiceSections {
    private static final Set<String> HEALTH_KEYS = Set.of("test", "interval", "timeout", "retries", "start_period",
            "start_interval", "disable");

    private ServiceSections() {
    }

    static YNode.Seq devices(YNode node, String path) {
        YNode.Seq out = YNode.seq(node.mark());
        YNode.Seq seq = Canon.seq(node, path);
        for (int i = 0; i < seq.items().size(); i++) {
            YNode item = seq.items().get(i);
            if (item instanceof YNode.Map m) {
                out.add(m);
                continue;
            }
            String[] parts = Canon.string(item, Canon.item(path, i)).split(":");
            YNode.Map device = YNode.map(item.mark());
            device.putScalar("source", parts[0]);
            device.putScalar("target", parts.length > 1 ? parts[1] : parts[0]);
            device.putScalar("permissions", parts.length > 2 ? parts[2] : "rwm");
            out.add(device);
        }
        return out;
    }

    /**
     * {@code logging}: {@code options} become strings as Compose prints them ({@code max-file: 2} is "2", a null
     * value is ""); a boolean option is an error there, as in Compose's schema.
     */
    static YNode.Map logging(YNode node, String path) {
        YNode.Map out = Canon.map(node, path).copy();
        if (out.get("options") instanceof YNode.Map options) {
            for (var e : options.entries().entrySet()) {
                if (e.getValue() instanceof YNode.Scalar v && v.value() instanceof Boolean) {
                    throw ComposeErrors.at(v, Canon.child(path + ".options", e.getKey()), "a logging option must be"
                            + " a string or a number", "quote it: \"" + v.text() + "\"");
                }
            }
            out.put("options", Canon.keyValues(options, path + ".options", k -> ""), out.keyMark("options"));
        }
        return out;
    }

    static YNode.Map healthcheck(YNode node, String path) {
        YNode.Map h = Canon.map(node, path).copy();
        Canon.onlyKeys(h, path, HEALTH_KEYS);
        if (h.get("test") instanceof YNode.Scalar s) {
            YNode.Seq test = YNode.seq(s.mark());
            if (!s.isNull()) {
                test.add(YNode.scalar("CMD-SHELL", s.mark())).add(Canon.str(s, path + ".test"));
            }
            h.put("test", test);
        } else if (h.has("test")) {
            h.put("test", Canon.strings(h.get("test"), path + ".test"));
        }
        for (String key : new String[] {"interval", "timeout", "start_period", "start_interval"}) {
            if (h.has(key)) {
                h.put(key, Canon.duration(h.get(key), Canon.child(path, key)));
            }
        }
        if (h.has("retries")) {
            h.put("retries", Canon.integer(h.get("retries"), path + ".retries"));
        }
        if (h.has("disable")) {
            h.put("disable", Canon.bool(h.get("disable"), path + ".disable"));
        }
        return h;
    }

    /** Service {@code secrets:} / {@code configs:}: a name or {source, target, uid, gid, mode}. */
    static YNode.Seq fileReferences(YNode node, String path, boolean secrets) {
        YNode.Seq out = YNode.seq(node.mark());
        YNode.Seq seq = Canon.seq(node, path);
        for (int i = 0; i < seq.items().size(); i++) {
            YNode item = seq.items().get(i);
            String p = Canon.item(path, i);
            YNode.Map ref;
            if (item instanceof YNode.Map m) {
                Canon.onlyKeys(m, p, Set.of("source", "target", "uid", "gid", "mode"));
                if (!m.has("source")) {
                    throw ComposeErrors.at(m, p, "needs a 'source' (the name under the top-level section)",
                            "add 'source: NAME'");
                }
                ref = m.copy();
                if (m.has("mode")) {
                    ref.put("mode", mode(m.get("mode"), p + ".mode"));
                }
            } else {
                ref = YNode.map(item.mark()).put("source", Canon.str(item, p));
            }
            if (secrets) {
                if (!ref.has("target")) {
                    ref.putScalar("target", "/run/secrets/" + Canon.text(ref.get("source")));
                }
            }
            out.add(ref);
        }
        return out;
    }

    /** A file mode, printed as Compose prints it: octal with a leading 0 ({@code 0440}). */
    private static YNode.Scalar mode(YNode node, String path) {
        Object v = Canon.scalar(node, path).value();
        if (v instanceof Long l) {
            return YNode.scalar("0" + Long.toOctalString(l), node.mark());
        }
        String text = Canon.text(node);
        if (text.matches("0?[0-7]{1,4}")) {
            return YNode.scalar("0" + Long.toOctalString(Long.parseLong(text, 8)), node.mark());
        }
        throw ComposeErrors.at(node, path, "'" + text + "' is not a file mode", "write it in octal, e.g. 0440");
    }

    static YNode.Map ulimits(YNode node, String path) {
        YNode.Map out = YNode.map(node.mark());
        YNode.Map map = Canon.map(node, path);
        for (var e : map.entries().entrySet()) {
            String p = Canon.child(path, e.getKey());
            if (e.getValue() instanceof YNode.Map limits) {
                Canon.onlyKeys(limits, p, Set.of("soft", "hard"));
                YNode.Map l = YNode.map(limits.mark());
                if (!limits.has("soft") || !limits.has("hard")) {
                    throw ComposeErrors.at(limits, p, "needs both 'soft' and 'hard'", "add the missing one");
                }
                l.put("soft", Canon.integer(limits.get("soft"), p + ".soft"));
                l.put("hard", Canon.integer(limits.get("hard"), p + ".hard"));
                out.put(e.getKey(), l, map.keyMark(e.getKey()));
            } else {
                out.put(e.getKey(), Canon.integer(e.getValue(), p), map.keyMark(e.getKey()));
            }
        }
        return out;
    }
}
