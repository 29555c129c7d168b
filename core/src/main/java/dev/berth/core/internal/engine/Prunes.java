package dev.berth.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the lists in prune answers. */
public final class Prunes {
    private Prunes() {
    }

    public static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> names.add(n.asText()));
        }
        return names;
    }

    /** Image prunes list {"Untagged": ref} and {"Deleted": id} entries; both count as removed. */
    public static List<String> images(JsonNode array) {
        List<String> removed = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> {
                if (n.has("Untagged")) {
                    removed.add(n.get("Untagged").asText());
                } else if (n.has("Deleted")) {
                    removed.add(n.get("Deleted").asText());
                }
            });
        }
        return removed;
    }
}
