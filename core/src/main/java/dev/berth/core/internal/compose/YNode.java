package dev.berth.core.internal.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the place it was written, so every later stage (interpolation, merge, validation, the engine
 * mapping) can point at file:line:column. Scalars hold String, Long, Double, Boolean or null (JSON's types).
 * Built and rewritten only inside the loader; treated as immutable once a project is loaded.
 */
public abstract sealed class YNode permits YNode.Scalar, YNode.Seq, YNode.Map {
    /** 1-based line and column in {@code file}. */
    public record Mark(Path file, int line, int column) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column;
        }
    }

    /** How a later file treats this value when merging ({@code !reset}, {@code !override}). */
    public enum MergeTag { NONE, RESET, OVERRIDE }

    private final Mark mark;
    private MergeTag mergeTag = MergeTag.NONE;

    YNode(Mark mark) {
        this.mark = mark;
    }

    public Mark mark() {
        return mark;
    }

    public MergeTag mergeTag() {
        return mergeTag;
    }

    YNode tagged(MergeTag tag) {
        this.mergeTag = tag;
        return this;
    }

    /** A deep copy (extends and multiple files merge into copies, never into the source tree). */
    public abstract YNode copy();

    public static Scalar scalar(Object value, Mark mark) {
        return new Scalar(value, mark);
    }

    public static Seq seq(Mark mark) {
        return new Seq(mark);
    }

    public static Map map(Mark mark) {
        return new Map(mark);
    }

    public static final class Scalar extends YNode {
        private final Object value;

        Scalar(Object value, Mark mark) {
            super(mark);
            this.value = value;
        }

        public Object value() {
            return value;
        }

        public boolean isNull() {
            return value == null;
        }

        /** The value as text, as YAML wrote it for numbers and booleans. */
        public String text() {
            return value == null ? "" : value instanceof Double d && d == Math.rint(d) && !d.isInfinite()
                    ? String.valueOf(d.longValue()) : String.valueOf(value);
        }

        @Override
        public Scalar copy() {
            return (Scalar) new Scalar(value, mark()).tagged(mergeTag());
        }
    }

    public static final class Seq extends YNode {
        private final List<YNode> items = new ArrayList<>();

        Seq(Mark mark) {
            super(mark);
        }

        public List<YNode> items() {
            return items;
        }

        public Seq add(YNode item) {
            items.add(item);
            return this;
        }

        @Override
        public Seq copy() {
            Seq copy = new Seq(mark());
            items.forEach(i -> copy.items.add(i.copy()));
            return (Seq) copy.tagged(mergeTag());
        }
    }

    public static final class Map extends YNode {
        private final LinkedHashMap<String, YNode> entries = new LinkedHashMap<>();
        private final java.util.Map<String, Mark> keyMarks = new LinkedHashMap<>();

        Map(Mark mark) {
            super(mark);
        }

        public java.util.Map<String, YNode> entries() {
            return entries;
        }

        public YNode get(String key) {
            return entries.get(key);
        }

        public boolean has(String key) {
            return entries.containsKey(key);
        }

        /** Where the key was written (the value's own mark for keys made by the loader). */
        public Mark keyMark(String key) {
            Mark m = keyMarks.get(key);
            return m != null ? m : entries.containsKey(key) ? entries.get(key).mark() : mark();
        }

        public Map put(String key, YNode value) {
            entries.put(key, value);
            return this;
        }

        public Map put(String key, YNode value, Mark keyMark) {
            entries.put(key, value);
            keyMarks.put(key, keyMark);
            return this;
        }

        public YNode remove(String key) {
            keyMarks.remove(key);
            return entries.remove(key);
        }

        public Map putScalar(String key, Object value) {
            return put(key, new Scalar(value, mark()));
        }

        @Override
        public Map copy() {
            Map copy = new Map(mark());
            entries.forEach((k, v) -> copy.put(k, v.copy(), keyMark(k)));
            return (Map) copy.tagged(mergeTag());
        }

        /** The entries as plain strings (for maps of strings such as labels). */
        public java.util.Map<String, String> strings() {
            java.util.Map<String, String> out = new LinkedHashMap<>();
            entries.forEach((k, v) -> out.put(k, v instanceof Scalar s && !s.isNull() ? s.text() : null));
            return out;
        }
    }
}
