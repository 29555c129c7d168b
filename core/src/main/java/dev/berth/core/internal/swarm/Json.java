package dev.berth.core.internal.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small readers for the engine's swarm JSON. */
final class Json {
    private Json() {
    }

    static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    static Instant instant(JsonNode text) {
        if (text.isMissingNode() || text.asText().isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
