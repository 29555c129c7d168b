package dev.berth.core.internal.compose;

import java.math.BigDecimal;

/**
 * The one writer of JSON scalars for the compose tree: {@code null}, booleans and integers as they are, a decimal
 * in plain notation with no trailing zeros ({@code 0.5}, never {@code 5.0E-1}), anything else a string. The two
 * outputs differ only in their string escaping (see {@link Escaping}).
 */
final class JsonScalars {
    /** Besides the escapes JSON requires ({@code "}, {@code \}, control characters): what else an output escapes. */
    enum Escaping {
        /** Go's {@code encoding/json} (what compose hashes): HTML-safe, {@code <>&} and U+2028/U+2029 as {@code \}u. */
        GO_HTML_SAFE,
        /** {@code docker compose config}: {@code $} doubled, so the output loads again unchanged. */
        COMPOSE_CONFIG
    }

    private JsonScalars() {
    }

    /** Appends a scalar's value (a {@link YNode.Scalar#value()}). */
    static void write(Object value, Escaping escaping, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Double d) {
            out.append(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
        } else {
            string(value.toString(), escaping, out);
        }
    }

    /** Appends a quoted string (also for map keys). */
    static void string(String s, Escaping escaping, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || escaping == Escaping.GO_HTML_SAFE && "<>&\u2028\u2029".indexOf(c) >= 0) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (c == '$' && escaping == Escaping.COMPOSE_CONFIG) {
                        out.append("$$");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
