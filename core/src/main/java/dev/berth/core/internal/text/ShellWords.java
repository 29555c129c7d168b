package dev.berth.core.internal.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code command:} / {@code entrypoint:} string into words the way Compose does (go-shellwords, no
 * variable or command expansion): whitespace separates, single quotes are literal, double quotes keep spaces and
 * honour {@code \"} and {@code \\}, a backslash outside quotes escapes the next character. Never {@code sh -c}.
 * One splitter for the compose loader and for {@code stack deploy}'s mapping, so both read a command alike.
 */
public final class ShellWords {
    /** An unclosed quote or a trailing backslash. */
    public static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    private ShellWords() {
    }

    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw new Failure("'" + line + "' ends with a backslash that escapes nothing");
                }
                word.append(line.charAt(++i));
                inWord = true;
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new Failure("'" + line + "' has a " + quote + " quote that is never closed");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
