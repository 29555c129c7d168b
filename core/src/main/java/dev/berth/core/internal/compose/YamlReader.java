package dev.berth.core.internal.compose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * YAML text to {@link YNode}s with marks: YAML 1.2 core schema (as Compose's go-yaml v3), anchors and aliases,
 * merge keys ({@code <<}), Compose's {@code !reset} / {@code !override} tags; duplicate keys are errors.
 */
final class YamlReader {
    /** Deeper than any real file; checked on the event stream first, so deep input cannot overflow the stack. */
    static final int MAX_DEPTH = 500;

    private final Path file;

    private YamlReader(Path file) {
        this.file = file;
    }

    /** The file's top-level mapping. */
    static YNode.Map read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw ComposeErrors.file(file, "the file does not exist", "check the path");
        } catch (IOException e) {
            throw ComposeErrors.file(file, "the file cannot be read: " + e.getMessage(), "check its permissions");
        }
        return new YamlReader(file).parse(text);
    }

    static YNode.Map parse(Path file, String text) {
        return new YamlReader(file).parse(text);
    }

    private YNode.Map parse(String text) {
        LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).setSchema(new CoreSchema())
                .setAllowDuplicateKeys(true).build();
        Optional<Node> root;
        try {
            checkDepth(settings, text);
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            throw new dev.berth.InvalidComposeFileException(file, mark == null ? 1 : mark.getLine() + 1,
                    mark == null ? 1 : mark.getColumn() + 1, null, "not valid YAML: " + e.getProblem(),
                    "fix the YAML syntax at that place");
        } catch (YamlEngineException e) {
            throw ComposeErrors.file(file, "not valid YAML: " + e.getMessage(), "fix the YAML syntax");
        }
        if (root.isEmpty() || root.get() instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            throw ComposeErrors.file(file, "the file is empty", "define at least one service under 'services:'");
        }
        YNode top = convert(root.get(), "");
        if (!(top instanceof YNode.Map map)) {
            throw ComposeErrors.at(top, "(top level)", "the top level must be a mapping (key: value)",
                    "start with 'services:'");
        }
        return map;
    }

    private void checkDepth(LoadSettings settings, String text) {
        int depth = 0;
        for (Event event : new Parse(settings).parseString(text)) {
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > MAX_DEPTH) {
                        Mark m = event.getStartMark().orElse(null);
                        throw new dev.berth.InvalidComposeFileException(file, m == null ? 1 : m.getLine() + 1,
                                m == null ? 1 : m.getColumn() + 1, null, "the YAML is nested more than " + MAX_DEPTH
                                + " levels deep", "a compose file needs a few levels; check how this file was made");
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default -> {
                }
            }
        }
    }

    private YNode.Mark mark(Node node) {
        Mark m = node.getStartMark().orElse(null);
        return new YNode.Mark(file, m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1);
    }

    private YNode convert(Node node, String path) {
        YNode.MergeTag mergeTag = switch (node.getTag().getValue()) {
            case "!reset" -> YNode.MergeTag.RESET;
            case "!override" -> YNode.MergeTag.OVERRIDE;
            default -> YNode.MergeTag.NONE;
        };
        YNode out;
        if (node instanceof ScalarNode s) {
            out = YNode.scalar(scalarValue(s, path), mark(node));
        } else if (node instanceof SequenceNode seq) {
            YNode.Seq list = YNode.seq(mark(node));
            List<Node> items = seq.getValue();
            for (int i = 0; i < items.size(); i++) {
                list.add(convert(items.get(i), path + "[" + i + "]"));
            }
            out = list;
        } else {
            out = mapping((MappingNode) node, path);
        }
        return out.tagged(mergeTag);
    }

    private YNode.Map mapping(MappingNode node, String path) {
        YNode.Map map = YNode.map(mark(node));
        List<YNode.Map> merged = new java.util.ArrayList<>();
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode keyScalar)) {
                throw ComposeErrors.at(mark(keyNode), path, "a key must be a plain value, not a list or mapping",
                        "write 'name: value'");
            }
            String key = keyScalar.getValue();
            String childPath = path.isEmpty() ? key : path + "." + key;
            if (key.equals("<<") && keyScalar.getScalarStyle() == org.snakeyaml.engine.v2.common.ScalarStyle.PLAIN) {
                YNode value = convert(tuple.getValueNode(), childPath);
                if (value instanceof YNode.Map m) {
                    merged.add(m);
                } else if (value instanceof YNode.Seq s && s.items().stream().allMatch(i -> i instanceof YNode.Map)) {
                    s.items().forEach(i -> merged.add((YNode.Map) i));
                } else {
                    throw ComposeErrors.at(value, childPath, "a merge key (<<) takes a mapping or a list of mappings",
                            "write '<<: *anchor' where the anchor is a mapping");
                }
                continue;
            }
            if (map.has(key)) {
                throw ComposeErrors.at(mark(keyNode), childPath, "'" + key + "' appears twice in this mapping",
                        "keep one of them");
            }
            map.put(key, convert(tuple.getValueNode(), childPath), mark(keyNode));
        }
        // YAML merge: keys written here win; among merged mappings the first one listed wins.
        for (YNode.Map source : merged) {
            source.entries().forEach((k, v) -> {
                if (!map.has(k)) {
                    map.put(k, v.copy(), source.keyMark(k));
                }
            });
        }
        return map;
    }

    private Object scalarValue(ScalarNode s, String path) {
        Tag tag = s.getTag();
        String text = s.getValue();
        try {
            if (tag.equals(Tag.NULL)) {
                return null;
            } else if (tag.equals(Tag.BOOL)) {
                return Boolean.valueOf(text.toLowerCase(java.util.Locale.ROOT));
            } else if (tag.equals(Tag.INT)) {
                return parseInt(text);
            } else if (tag.equals(Tag.FLOAT)) {
                return parseFloat(text);
            }
        } catch (NumberFormatException e) {
            return text;
        }
        return text;
    }

    private static Object parseInt(String text) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        if (t.startsWith("+") || negative) {
            t = t.substring(1);
        }
        long value = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16)
                : t.startsWith("0o") ? Long.parseLong(t.substring(2), 8)
                // go-yaml (Compose) reads a leading 0 as octal, as in file modes such as 0440.
                : t.length() > 1 && t.startsWith("0") ? Long.parseLong(t.substring(1), 8) : Long.parseLong(t);
        return negative ? -value : value;
    }

    private static Object parseFloat(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        if (t.endsWith(".inf") || t.endsWith(".nan")) {
            return text;
        }
        return Double.parseDouble(t);
    }
}
