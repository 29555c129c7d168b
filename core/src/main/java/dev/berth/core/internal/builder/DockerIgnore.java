package dev.berth.core.internal.builder;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore} matcher with Docker's rules: patterns are anchored at the context root, {@code #} starts a
 * comment line, {@code !} re-includes, {@code *} and {@code ?} stay inside one path element, {@code **} spans any
 * number of them, leading and trailing slashes are dropped, and the last matching pattern wins. A pattern that
 * matches a directory matches everything under it.
 *
 * <p>Why Berth keeps its own instead of docker-java's {@code GoLangFileMatch}/{@code Dockerfile.ScannedResult}
 * (checked against docker-java 3.7.1): docker-java's matcher gets cases from Docker's documentation wrong — {@code
 * **}{@code /*.go} does not match {@code main.go} at the root, {@code a/**}{@code /z} does not match {@code a/z},
 * {@code /build/} and {@code ./logs} (cleaned by Docker) match nothing — and its scan walks every file of the
 * context and archives into a temporary file, where Berth skips an ignored directory without walking it (91% of the
 * build-context benchmark) and streams. {@code DockerIgnoreTest} holds those documented cases.
 */
final class DockerIgnore {
    private record Rule(String pattern, Pattern regex, boolean exception, String[] elements) {
    }

    private final List<Rule> rules;
    private final boolean hasExceptions;

    private DockerIgnore(List<Rule> rules) {
        this.rules = rules;
        this.hasExceptions = rules.stream().anyMatch(Rule::exception);
    }

    public static DockerIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (line.startsWith("#")) {
                continue;
            }
            String pattern = line.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            boolean exception = pattern.startsWith("!");
            if (exception) {
                pattern = pattern.substring(1).strip();
            }
            pattern = clean(pattern);
            if (pattern.isEmpty()) {
                continue;
            }
            rules.add(new Rule(pattern, Pattern.compile(regex(pattern)), exception, pattern.split("/")));
        }
        return new DockerIgnore(rules);
    }

    public static DockerIgnore none() {
        return new DockerIgnore(List.of());
    }

    /** Like Go's filepath.Clean on a slash path, then without a leading slash. */
    static String clean(String pattern) {
        List<String> parts = new ArrayList<>();
        for (String part : pattern.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    /** Is this context-relative path (slash-separated) left out of the context? */
    public boolean excludes(String path) {
        boolean excluded = false;
        String[] elements = path.split("/");
        for (Rule rule : rules) {
            if (excluded == !rule.exception()) {
                continue; // this rule could not change the outcome
            }
            if (matchesSelfOrParent(rule, elements)) {
                excluded = !rule.exception();
            }
        }
        return excluded;
    }

    private static boolean matchesSelfOrParent(Rule rule, String[] elements) {
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                prefix.append('/');
            }
            prefix.append(elements[i]);
            if (rule.regex().matcher(prefix).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Can the walk skip this excluded directory entirely? Only when no exception pattern could re-include
     * something below it.
     */
    public boolean canSkipDirectory(String dir) {
        if (!excludes(dir)) {
            return false;
        }
        if (!hasExceptions) {
            return true;
        }
        String[] dirElements = dir.split("/");
        for (Rule rule : rules) {
            if (rule.exception() && couldMatchBelow(rule.elements(), dirElements)) {
                return false;
            }
        }
        return true;
    }

    private static boolean couldMatchBelow(String[] pattern, String[] dir) {
        for (int i = 0; i < dir.length; i++) {
            if (i >= pattern.length) {
                return false;
            }
            if (pattern[i].contains("**")) {
                return true;
            }
            if (!Pattern.compile(regex(pattern[i])).matcher(dir[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Docker's pattern syntax as a regex over the whole slash path. */
    static String regex(String pattern) {
        StringBuilder re = new StringBuilder("^");
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                        i++;
                        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '/') {
                            i++;
                            re.append("(.*/)?"); // "**/" : zero or more directories
                        } else {
                            re.append(".*");
                        }
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int end = pattern.indexOf(']', i + 1);
                    if (end < 0) {
                        re.append("\\[");
                    } else {
                        // only '^' negates, as in Go's filepath.Match: "[!a]" is the class of '!' and 'a' (the
                        // CLI, classic and BuildKit builds all agree; shell globs differ here)
                        String body = pattern.substring(i + 1, end);
                        re.append('[').append(body.replace("\\", "\\\\")).append(']');
                        i = end;
                    }
                }
                case '\\' -> {
                    if (i + 1 < pattern.length()) {
                        i++;
                        re.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
                    } else {
                        re.append("\\\\");
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.append('$').toString();
    }
}
