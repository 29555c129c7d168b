package dev.berth.core.internal.compose;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code .env} / {@code env_file} format as Compose reads it: {@code KEY=VALUE} lines, optional {@code export},
 * {@code #} comments (a {@code #} after a space ends an unquoted value), single quotes (literal), double quotes
 * (escapes {@code \n \t \" \\}, may span lines), interpolation of {@code ${VAR}} in unquoted and double-quoted
 * values from earlier lines or the given lookup, and a bare {@code KEY} taking its value from the lookup (left out
 * when it has none).
 */
public final class EnvFile {
    /** A line that is not KEY=VALUE; {@code line} is 1-based. */
    public static final class Failure extends RuntimeException {
        private final int line;

        Failure(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private EnvFile() {
    }

    public static Map<String, String> parse(String text, Function<String, String> lookup) {
        Map<String, String> values = new LinkedHashMap<>();
        Function<String, String> scope = name -> values.containsKey(name) ? values.get(name) : lookup.apply(name);
        Interpolation interpolation = new Interpolation(scope, name -> { });
        int i = 0;
        int line = 1;
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        while (i < s.length()) {
            int eol = lineEnd(s, i);
            String raw = s.substring(i, eol).strip();
            int startLine = line;
            if (raw.isEmpty() || raw.startsWith("#")) {
                line++;
                i = eol + 1;
                continue;
            }
            if (raw.startsWith("export ") || raw.startsWith("export\t")) {
                raw = raw.substring(7).strip();
            }
            int eq = raw.indexOf('=');
            if (eq < 0) {
                String name = raw.replaceFirst("\\s+#.*$", "").strip();
                checkName(name, startLine);
                String value = lookup.apply(name);
                if (value != null) {
                    values.put(name, value);
                }
                line++;
                i = eol + 1;
                continue;
            }
            String name = raw.substring(0, eq).strip();
            checkName(name, startLine);
            int valueStart = s.indexOf('=', i) + 1;
            while (valueStart < eol && (s.charAt(valueStart) == ' ' || s.charAt(valueStart) == '\t')) {
                valueStart++;
            }
            char quote = valueStart < s.length() ? s.charAt(valueStart) : 0;
            if (quote == '\'' || quote == '"') {
                int close = closingQuote(s, valueStart + 1, quote);
                if (close < 0) {
                    throw new Failure(startLine, "the value of " + name + " opens a " + quote + " quote that is never"
                            + " closed");
                }
                String body = s.substring(valueStart + 1, close);
                line += count(body, '\n');
                values.put(name, quote == '\'' ? body : interpolation.apply(unescape(body)));
                eol = lineEnd(s, close);
            } else {
                String value = s.substring(valueStart, eol);
                int comment = value.indexOf(" #");
                if (comment >= 0) {
                    value = value.substring(0, comment);
                }
                values.put(name, interpolation.apply(value.strip()));
            }
            line++;
            i = eol + 1;
        }
        return values;
    }

    private static void checkName(String name, int line) {
        if (name.isEmpty() || !name.matches("[^\\s=#]+")) {
            throw new Failure(line, "'" + name + "' is not a variable name");
        }
    }

    private static int lineEnd(String s, int from) {
        int eol = s.indexOf('\n', from);
        return eol < 0 ? s.length() : eol;
    }

    private static int closingQuote(String s, int from, char quote) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quote == '"') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String body) {
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char next = body.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case '"', '\\' -> out.append(next);
                    case '$' -> out.append("$$");
                    default -> out.append('\\').append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString().replace("\r\n", "\n");
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }
}
