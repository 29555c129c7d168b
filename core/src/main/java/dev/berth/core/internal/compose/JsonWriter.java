package dev.berth.core.internal.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a loaded tree as {@code docker compose config --format json} does: two-space indentation, the project's
 * and its sections' keys sorted, and every {@code $} written as {@code $$} so the output loads again unchanged.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder();

    private JsonWriter() {
    }

    static String write(YNode node, int sortedLevels) {
        JsonWriter writer = new JsonWriter();
        writer.value(node, 0, sortedLevels);
        return writer.out.toString();
    }

    private void value(YNode node, int indent, int sortedLevels) {
        if (node instanceof YNode.Map map) {
            if (map.entries().isEmpty()) {
                out.append("{}");
                return;
            }
            List<String> keys = new ArrayList<>(map.entries().keySet());
            if (sortedLevels > 0) {
                keys.sort(null);
            }
            out.append("{\n");
            for (int i = 0; i < keys.size(); i++) {
                pad(indent + 1);
                string(keys.get(i));
                out.append(": ");
                value(map.get(keys.get(i)), indent + 1, sortedLevels - 1);
                out.append(i + 1 < keys.size() ? ",\n" : "\n");
            }
            pad(indent);
            out.append('}');
        } else if (node instanceof YNode.Seq seq) {
            if (seq.items().isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < seq.items().size(); i++) {
                pad(indent + 1);
                value(seq.items().get(i), indent + 1, 0);
                out.append(i + 1 < seq.items().size() ? ",\n" : "\n");
            }
            pad(indent);
            out.append(']');
        } else {
            JsonScalars.write(((YNode.Scalar) node).value(), JsonScalars.Escaping.COMPOSE_CONFIG, out);
        }
    }

    private void pad(int indent) {
        out.append("  ".repeat(indent));
    }

    private void string(String s) {
        JsonScalars.string(s, JsonScalars.Escaping.COMPOSE_CONFIG, out);
    }
}
