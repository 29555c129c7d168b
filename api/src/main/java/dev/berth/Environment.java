package dev.berth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Environment variables of a container spec, in the order they were set. Values set as {@link Secret} are masked in
 * {@link #masked()} and {@link #toString()}; only {@link #revealed()} gives them in clear (its name says so, because a
 * map of "env" read in a log statement must not leak a password). Equality compares the secret values too. Immutable.
 */
public final class Environment {
    static final String MASK = "****";
    private static final Environment EMPTY = new Environment(Map.of(), Set.of());

    private final Map<String, String> values;
    private final Set<String> secretKeys;

    private Environment(Map<String, String> values, Set<String> secretKeys) {
        this.values = Collections.unmodifiableMap(values);
        this.secretKeys = Collections.unmodifiableSet(secretKeys);
    }

    /**
     * No variables.
     *
     * @return the empty environment
     */
    public static Environment empty() {
        return EMPTY;
    }

    Environment with(String key, String value, boolean secret) {
        var copy = new LinkedHashMap<>(values);
        var secrets = new LinkedHashSet<>(secretKeys);
        copy.put(key, value);
        if (secret) {
            secrets.add(key);
        } else {
            secrets.remove(key);
        }
        return new Environment(copy, secrets);
    }

    /**
     * Every variable; secret values replaced by {@code ****}. Safe to print.
     *
     * @return names and masked values, in the order set
     */
    public Map<String, String> masked() {
        Map<String, String> masked = new LinkedHashMap<>();
        values.forEach((k, v) -> masked.put(k, secretKeys.contains(k) ? MASK : v));
        return Collections.unmodifiableMap(masked);
    }

    /**
     * Every variable with secret values in clear: only for handing them to the engine.
     *
     * @return names and values, in the order set
     */
    public Map<String, String> revealed() {
        return values;
    }

    /**
     * The names whose values are secrets.
     *
     * @return the names
     */
    public Set<String> secretKeys() {
        return secretKeys;
    }

    /**
     * Whether no variable is set.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Environment other && other.values.equals(values) && other.secretKeys.equals(secretKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, secretKeys);
    }

    @Override
    public String toString() {
        return masked().toString();
    }
}
