package dev.berth.core.internal.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Compose's merge rules, for a later file (or an {@code extends}-ing service) over an earlier one, on the long form:
 * mappings merge key by key; {@code command}, {@code entrypoint} and {@code healthcheck.test} are replaced; ports,
 * volumes, secrets and configs merge by their identity (a later mount of the same target wins); other lists append
 * what is new; scalars are replaced; {@code !reset} removes a value and {@code !override} replaces it whole.
 */
public final class ComposeMerge {
    private static final Set<String> REPLACED = Set.of("services.*.command", "services.*.entrypoint",
            "services.*.healthcheck.test");
    private static final Map<String, Function<YNode, String>> KEYED = Map.of(
            "services.*.volumes", item -> text(item, "target"),
            "services.*.ports", item -> text(item, "host_ip") + ":" + text(item, "published") + ":"
                    + text(item, "target") + "/" + text(item, "protocol"),
            "services.*.secrets", item -> text(item, "target"),
            "services.*.configs", item -> text(item, "target") + "|" + text(item, "source"),
            "services.*.env_file", item -> text(item, "path"));

    private ComposeMerge() {
    }

    /** {@code over} merged onto a copy of {@code base}; neither argument is changed. */
    public static YNode.Map merge(YNode.Map base, YNode.Map over) {
        return (YNode.Map) merge(base.copy(), over, "");
    }

    private static YNode merge(YNode base, YNode over, String shape) {
        if (over.mergeTag() == YNode.MergeTag.OVERRIDE || REPLACED.contains(shape)) {
            return over.copy();
        }
        if (base instanceof YNode.Map b && over instanceof YNode.Map o) {
            for (var e : o.entries().entrySet()) {
                String key = e.getKey();
                YNode value = e.getValue();
                if (value.mergeTag() == YNode.MergeTag.RESET) {
                    b.remove(key);
                } else if (b.has(key)) {
                    b.put(key, merge(b.get(key), value, childShape(shape, key)), b.keyMark(key));
                } else {
                    b.put(key, value.copy(), o.keyMark(key));
                }
            }
            return b;
        }
        if (base instanceof YNode.Seq b && over instanceof YNode.Seq o) {
            Function<YNode, String> identity = KEYED.get(shape);
            if (identity != null) {
                Map<String, YNode> byKey = new LinkedHashMap<>();
                b.items().forEach(i -> byKey.put(identity.apply(i), i));
                o.items().forEach(i -> byKey.put(identity.apply(i), i.copy()));
                YNode.Seq out = YNode.seq(b.mark());
                byKey.values().forEach(out::add);
                return out;
            }
            List<YNode> added = new ArrayList<>();
            for (YNode item : o.items()) {
                boolean present = b.items().stream().anyMatch(x -> sameValue(x, item));
                if (!present) {
                    added.add(item.copy());
                }
            }
            added.forEach(b::add);
            return b;
        }
        return over.copy();
    }

    private static String childShape(String shape, String key) {
        if (shape.equals("services") || shape.equals("networks") || shape.equals("volumes")
                || shape.equals("secrets") || shape.equals("configs")) {
            return shape + ".*";
        }
        return shape.isEmpty() ? key : shape + "." + key;
    }

    private static String text(YNode item, String key) {
        return item instanceof YNode.Map m && m.get(key) instanceof YNode.Scalar s ? s.text() : "";
    }

    /** Two values equal as JSON values. */
    static boolean sameValue(YNode a, YNode b) {
        if (a instanceof YNode.Scalar x && b instanceof YNode.Scalar y) {
            return Objects.equals(x.value(), y.value());
        }
        if (a instanceof YNode.Seq x && b instanceof YNode.Seq y) {
            if (x.items().size() != y.items().size()) {
                return false;
            }
            for (int i = 0; i < x.items().size(); i++) {
                if (!sameValue(x.items().get(i), y.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof YNode.Map x && b instanceof YNode.Map y) {
            if (!x.entries().keySet().equals(y.entries().keySet())) {
                return false;
            }
            return x.entries().keySet().stream().allMatch(k -> sameValue(x.get(k), y.get(k)));
        }
        return false;
    }
}
