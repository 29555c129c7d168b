package dev.berth.core.internal.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.InvalidSpecException;
import dev.berth.core.internal.text.ShellWords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads compose values in either of their spellings (a normalized {@code docker compose config} tree, or the file
 * as written): lists or maps, strings or numbers, "1m30s", "128M", "0400". Every bad value names its key path.
 */
final class ComposeValues {
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
    private static final Pattern BYTES = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)b?");

    private ComposeValues() {
    }

    static boolean present(JsonNode node) {
        return node != null && !node.isMissingNode() && !node.isNull();
    }

    static String text(JsonNode node) {
        return present(node) ? node.asText() : null;
    }

    static boolean bool(JsonNode node) {
        return present(node) && (node.asBoolean() || "true".equalsIgnoreCase(node.asText()));
    }

    static Long integer(JsonNode node, String path) {
        if (!present(node)) {
            return null;
        }
        try {
            return node.isNumber() ? node.asLong() : Long.parseLong(node.asText().trim());
        } catch (NumberFormatException e) {
            throw bad(path, node, "a whole number is needed", "e.g. 3");
        }
    }

    static Long nanos(JsonNode node, String path) {
        if (!present(node)) {
            return null;
        }
        if (node.isNumber()) {
            return Math.round(node.asDouble() * 1e9);
        }
        String text = node.asText().trim();
        Matcher m = DURATION_PART.matcher(text);
        double total = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            double value = Double.parseDouble(m.group(1));
            total += value * switch (m.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            end = m.end();
        }
        if (end != text.length() || end == 0) {
            throw bad(path, node, "a duration is a number with a unit (ns, us, ms, s, m, h)", "e.g. 10s or 1m30s");
        }
        return Math.round(total);
    }

    static Long bytes(JsonNode node, String path) {
        if (!present(node)) {
            return null;
        }
        if (node.isNumber()) {
            return node.asLong();
        }
        Matcher m = BYTES.matcher(node.asText().trim());
        if (!m.matches()) {
            throw bad(path, node, "a size is a number with an optional unit (b, k, m, g)", "e.g. 128M");
        }
        long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            case "t" -> 1L << 40;
            default -> 1;
        };
        return Math.round(Double.parseDouble(m.group(1)) * unit);
    }

    static Long nanoCpus(JsonNode node, String path) {
        if (!present(node)) {
            return null;
        }
        try {
            return Math.round((node.isNumber() ? node.asDouble() : Double.parseDouble(node.asText())) * 1e9);
        } catch (NumberFormatException e) {
            throw bad(path, node, "cpus is a decimal number of CPUs", "e.g. \"0.5\"");
        }
    }

    /** File modes: YAML writers mean octal ("0400", 0444); compose config prints them as octal strings. */
    static Integer mode(JsonNode node, String path) {
        if (!present(node)) {
            return null;
        }
        String text = node.asText().trim();
        try {
            return node.isNumber() && !text.startsWith("0") ? node.asInt() : Integer.parseInt(text.replaceFirst(
                    "^0o", ""), 8);
        } catch (NumberFormatException e) {
            throw bad(path, node, "a file mode is an octal number", "e.g. 0444");
        }
    }

    /** {@code [a, b]} or a single string split as a shell would ({@code command: sh -c "x y"}). */
    static List<String> words(JsonNode node, String path) {
        if (!present(node)) {
            return null;
        }
        List<String> words = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(w -> words.add(w.asText()));
            return words;
        }
        return shellSplit(node.asText(), path);
    }

    /** Compose's word splitting of a string command (the compose loader uses the same {@link ShellWords}). */
    private static List<String> shellSplit(String text, String path) {
        try {
            return ShellWords.split(text);
        } catch (ShellWords.Failure e) {
            throw new InvalidSpecException(path, text, e.getMessage(),
                    "close the quote, or write the command as a list", e);
        }
    }

    /** {@code {K: V}} or {@code ["K=V", "K"]}; a null value means "name only". */
    static Map<String, String> keyValues(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (!present(node)) {
            return map;
        }
        if (node.isArray()) {
            for (JsonNode entry : node) {
                String text = entry.asText();
                int eq = text.indexOf('=');
                map.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? null : text.substring(eq + 1));
            }
        } else {
            node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().isNull() ? null
                    : e.getValue().asText()));
        }
        return map;
    }

    /** Network names of a service: a list, or a map of name to options (aliases). */
    static Map<String, JsonNode> names(JsonNode node) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        if (!present(node)) {
            return map;
        }
        if (node.isArray()) {
            node.forEach(n -> map.put(n.asText(), null));
        } else {
            node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
        }
        return map;
    }

    static InvalidSpecException bad(String path, JsonNode value, String rule, String fix) {
        return new InvalidSpecException(path, value == null ? null : value.asText(), rule, fix);
    }
}
