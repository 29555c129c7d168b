package dev.berth.core.internal.compose;

import java.util.function.Function;
import java.util.function.Consumer;

/**
 * Compose's variable substitution, every form: {@code $$} (a literal {@code $}), {@code $V}, {@code ${V}},
 * {@code ${V:-default}} (unset or empty), {@code ${V-default}} (unset), {@code ${V:?error}} / {@code ${V?error}}
 * (required), {@code ${V:+alt}} / {@code ${V+alt}} (replacement when set), with defaults interpolated again so they
 * nest. A {@code $} not followed by a name or brace stays as it is (Compose does the same).
 */
public final class Interpolation {
    /** A template Compose would reject; the message says why. */
    public static final class Failure extends RuntimeException {
        private final boolean missingRequired;

        Failure(String message, boolean missingRequired) {
            super(message);
            this.missingRequired = missingRequired;
        }

        /** True for {@code ${V:?err}} with V missing (the other kind is a malformed template). */
        public boolean missingRequired() {
            return missingRequired;
        }
    }

    private final Function<String, String> lookup;
    private final Consumer<String> unset;

    /**
     * @param lookup a variable's value, or null when it is not set
     * @param unset  told the name of each variable used without a value or default (Compose warns about those)
     */
    public Interpolation(Function<String, String> lookup, Consumer<String> unset) {
        this.lookup = lookup;
        this.unset = unset;
    }

    public String apply(String text) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= text.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int end = closingBrace(text, i + 2);
                if (end < 0) {
                    throw new Failure("invalid interpolation format: '" + text + "' has a '${' without its '}'", false);
                }
                out.append(braced(text.substring(i + 2, end), text));
                i = end + 1;
            } else if (isNameStart(next)) {
                int end = i + 1;
                while (end < text.length() && isNamePart(text.charAt(end))) {
                    end++;
                }
                out.append(value(text.substring(i + 1, end)));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                i++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private String braced(String expression, String whole) {
        int n = 0;
        while (n < expression.length() && (n == 0 ? isNameStart(expression.charAt(n))
                : isNamePart(expression.charAt(n)))) {
            n++;
        }
        if (n == 0) {
            throw new Failure("invalid interpolation format: '${" + expression + "}' in '" + whole
                    + "' does not start with a variable name", false);
        }
        String name = expression.substring(0, n);
        String rest = expression.substring(n);
        if (rest.isEmpty()) {
            return value(name);
        }
        String current = lookup.apply(name);
        boolean colon = rest.startsWith(":");
        String op = colon ? rest.substring(0, Math.min(2, rest.length())) : rest.substring(0, 1);
        String argument = rest.substring(op.length());
        boolean missing = current == null || (colon && current.isEmpty());
        return switch (op) {
            case ":-", "-" -> missing ? apply(argument) : current;
            case ":+", "+" -> missing ? "" : apply(argument);
            case ":?", "?" -> {
                if (missing) {
                    throw new Failure("required variable " + name + " is missing a value"
                            + (argument.isEmpty() ? "" : ": " + apply(argument)), true);
                }
                yield current;
            }
            default -> throw new Failure("invalid interpolation format: '${" + expression + "}' in '" + whole
                    + "' (after the name comes '}', ':-', '-', ':?', '?', ':+' or '+')", false);
        };
    }

    private String value(String name) {
        String value = lookup.apply(name);
        if (value == null) {
            unset.accept(name);
            return "";
        }
        return value;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
