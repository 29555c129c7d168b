package dev.berth;

import java.util.Locale;
import java.util.regex.Pattern;

/** Spec checks shared by the value types; every failure names the rule, the value and the fix. */
final class Validation {
    private static final Pattern CONTAINER_NAME = Pattern.compile("/?[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?b?)", Pattern.CASE_INSENSITIVE);
    /** The engine refuses memory limits below 6 MiB. */
    static final long MIN_MEMORY = 6L * 1024 * 1024;

    private Validation() {
    }

    static void port(String what, int port, String fix) {
        if (port < 1 || port > 65535) {
            throw new InvalidSpecException(what, port, "a port must be between 1 and 65535", fix);
        }
    }

    static String containerName(String name) {
        if (name == null || !CONTAINER_NAME.matcher(name).matches()) {
            throw new InvalidSpecException("container name", name,
                    "a name must match [a-zA-Z0-9][a-zA-Z0-9_.-]+ (at least two characters)",
                    "use letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        return name.startsWith("/") ? name.substring(1) : name;
    }

    static String notBlank(String what, String value, String fix) {
        if (value == null || value.isBlank()) {
            throw new InvalidSpecException(what, value, "it must not be empty", fix);
        }
        return value;
    }

    /** Parses "512m", "1g", "1.5GiB", "1048576" into bytes, as the docker CLI does (binary units). */
    static long parseSize(String what, String text) {
        var m = text == null ? null : SIZE.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new InvalidSpecException(what, text, "a size is a number with an optional unit b, k, m, g or t",
                    "write it like \"512m\" or \"2g\"");
        }
        double number = Double.parseDouble(m.group(1));
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        return (long) (number * (1L << shift));
    }

    static long memory(String what, long bytes) {
        if (bytes < MIN_MEMORY) {
            throw new InvalidSpecException(what, bytes + " bytes", "the engine needs at least 6 MiB",
                    "give at least \"6m\"; typical values are \"256m\" or \"1g\"");
        }
        return bytes;
    }
}
