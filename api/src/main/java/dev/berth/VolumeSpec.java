package dev.berth;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code docker volume create}: name (or engine-generated), driver, driver options, labels. Immutable. */
public record VolumeSpec(String name, String driver, Map<String, String> options, Map<String, String> labels) {
    /**
     * Checks the values and copies the collections, so the value cannot change.
     *
     * @param name see {@link #name()}
     * @param driver see {@link #driver()}
     * @param options see {@link #options()}
     * @param labels see {@link #labels()}
     * @throws InvalidSpecException when a value breaks its rule
     */
    public VolumeSpec {
        options = Map.copyOf(options);
        labels = Map.copyOf(labels);
        if (name != null) {
            Validation.objectName("volume name", name,
                    "use letters, digits, '_', '.' or '-', or VolumeSpec.anonymous() for a generated name");
        }
        Validation.notBlank("volume driver", driver, "use \"local\" (the default) or another installed driver");
    }

    /**
     * {@code docker volume create NAME}.
     *
     * @param name the volume's name
     * @return a spec with the local driver
     * @throws InvalidSpecException when the name is invalid
     */
    public static VolumeSpec named(String name) {
        return new VolumeSpec(name, "local", Map.of(), Map.of());
    }

    /**
     * The engine picks a unique name.
     *
     * @return a spec without a name
     */
    public static VolumeSpec anonymous() {
        return new VolumeSpec(null, "local", Map.of(), Map.of());
    }

    /**
     * {@code --driver}.
     *
     * @param value the volume driver, e.g. "local"
     * @return a new spec; this one is unchanged
     */
    public VolumeSpec driver(String value) {
        return new VolumeSpec(name, value, options, labels);
    }

    /**
     * {@code --opt KEY=VALUE}: a driver option.
     *
     * @param key the option
     * @param value its value
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when the key is blank
     */
    public VolumeSpec option(String key, String value) {
        var copy = new LinkedHashMap<>(options);
        copy.put(Validation.notBlank("volume option", key, "give an option name, e.g. \"type\""),
                Validation.required("value of volume option " + key, value, "pass \"\" for an empty value"));
        return new VolumeSpec(name, driver, copy, labels);
    }

    /**
     * {@code --label KEY=VALUE}.
     *
     * @param key the label's key
     * @param value its value
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when the key is invalid
     */
    public VolumeSpec label(String key, String value) {
        var copy = new LinkedHashMap<>(labels);
        Validation.labelKey(key);
        copy.put(key, Validation.required("value of label " + key, value, "pass \"\" for an empty value"));
        return new VolumeSpec(name, driver, options, copy);
    }
}
