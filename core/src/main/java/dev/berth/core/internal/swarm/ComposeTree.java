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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

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
        JsonNode tree;
        try {
            tree = new Compose(LoadSettings.builder().setLabel(spec.composeFile().toString()).build())
                    .composeString(interpolate(text, env)).map(ComposeTree::json)
                    .orElse(RawEngine.json().createObjectNode());
        } catch (MarkedYamlEngineException e) {
            var mark = e.getProblemMark().orElse(null);
            throw new InvalidComposeFileException(spec.composeFile(), mark == null ? 1 : mark.getLine() + 1,
                    mark == null ? 1 : mark.getColumn() + 1, e.getProblem(), "fix the YAML syntax");
        }
        return tree;
    }

    /** Every scalar as its text (so "0400" stays octal for modes), an empty plain scalar as null. */
    private static JsonNode json(Node node) {
        if (node instanceof MappingNode map) {
            ObjectNode object = RawEngine.json().createObjectNode();
            for (NodeTuple tuple : map.getValue()) {
                object.set(((ScalarNode) tuple.getKeyNode()).getValue(), json(tuple.getValueNode()));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = RawEngine.json().createArrayNode();
            sequence.getValue().forEach(item -> array.add(json(item)));
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        boolean plainNull = scalar.getScalarStyle() == ScalarStyle.PLAIN
                && (scalar.getValue().isEmpty() || scalar.getValue().equals("null") || scalar.getValue().equals("~"));
        return plainNull ? NullNode.getInstance() : TextNode.valueOf(scalar.getValue());
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
