package dev.berth.core.internal.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.InvalidComposeFileException;
import dev.berth.StackSpec;
import dev.berth.core.internal.transport.RawEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * Where {@link ComposeToSwarm} gets its tree from. Interim: the file as written (variables interpolated, every
 * scalar a string, so "0400" stays octal), which the mapping reads in either spelling. When the engine-free compose
 * loader ({@code StackSpec.load()}) is on main this becomes {@code readTree(spec.load().toJson())}.
 */
final class ComposeTree {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}"
            + "|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private ComposeTree() {
    }

    static JsonNode load(StackSpec spec, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(spec.composeFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + spec.composeFile(), e);
        }
        Object tree;
        try {
            tree = new Load(LoadSettings.builder().setSchema(new FailsafeSchema())
                    .setLabel(spec.composeFile().toString()).build()).loadFromString(interpolate(text, env));
        } catch (MarkedYamlEngineException e) {
            var mark = e.getProblemMark().orElse(null);
            throw new InvalidComposeFileException(spec.composeFile(), mark == null ? 1 : mark.getLine() + 1,
                    mark == null ? 1 : mark.getColumn() + 1, e.getProblem(), "fix the YAML syntax");
        }
        return RawEngine.json().valueToTree(tree);
    }

    /** Name of the stack: {@code -p}, else the file's {@code name:}, else the directory, as compose names it. */
    static String stackName(StackSpec spec, JsonNode tree) {
        if (spec.projectName() != null) {
            return spec.projectName();
        }
        String declared = ComposeValues.text(tree.path("name"));
        return declared != null ? declared : StackSpec.defaultProjectName(spec.composeFile());
    }

    private static String interpolate(String text, Map<String, String> env) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else {
                String name = m.group(1) != null ? m.group(1) : m.group(3);
                String value = env.get(name);
                replacement = value != null && !value.isEmpty() ? value : m.group(2) != null ? m.group(2) : "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
