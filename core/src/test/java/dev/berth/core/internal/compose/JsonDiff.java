package dev.berth.core.internal.compose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.TreeSet;

/** Where two JSON values differ, as key paths, for failure messages a person can act on. */
final class JsonDiff {
    private JsonDiff() {
    }

    static void diff(JsonNode expected, JsonNode actual, String path, List<String> out) {
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            expected.fieldNames().forEachRemaining(keys::add);
            actual.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                String p = path + "." + key;
                if (!actual.has(key)) {
                    out.add(p + " missing in Berth (Compose: " + expected.get(key) + ")");
                } else if (!expected.has(key)) {
                    out.add(p + " only in Berth: " + actual.get(key));
                } else {
                    diff(expected.get(key), actual.get(key), p, out);
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                diff(expected.get(i), actual.get(i), path + "[" + i + "]", out);
            }
        } else if (!expected.equals(actual) && !(expected.isNumber() && actual.isNumber()
                && expected.decimalValue().compareTo(actual.decimalValue()) == 0)) {
            out.add(path + ": Compose " + expected + ", Berth " + actual);
        }
    }
}
