package dev.berth;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code docker volume create}: name (or engine-generated), driver, driver options, labels. Immutable. */
public record VolumeSpec(String name, String driver, Map<String, String> options, Map<String, String> labels) {
    public VolumeSpec {
        options = Map.copyOf(options);
        labels = Map.copyOf(labels);
        if (name != null && !name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]+")) {
            throw new InvalidSpecException("volume name", name, "a name must match [a-zA-Z0-9][a-zA-Z0-9_.-]+",
                    "use letters, digits, '_', '.' or '-', or leave the name out for a generated one");
        }
    }

    public static VolumeSpec named(String name) {
        return new VolumeSpec(name, "local", Map.of(), Map.of());
    }

    /** The engine picks a unique name. */
    public static VolumeSpec anonymous() {
        return new VolumeSpec(null, "local", Map.of(), Map.of());
    }

    public VolumeSpec driver(String value) {
        return new VolumeSpec(name, value, options, labels);
    }

    public VolumeSpec option(String key, String value) {
        var copy = new LinkedHashMap<>(options);
        copy.put(key, value);
        return new VolumeSpec(name, driver, copy, labels);
    }

    public VolumeSpec label(String key, String value) {
        var copy = new LinkedHashMap<>(labels);
        copy.put(Validation.notBlank("label key", key, "give a label key"), value);
        return new VolumeSpec(name, driver, options, copy);
    }
}
