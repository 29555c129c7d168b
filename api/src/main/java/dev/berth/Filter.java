package dev.berth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Engine list filters for volumes and networks ({@code docker volume ls --filter}, {@code docker network ls
 * --filter}). Immutable; values for the same key are OR-ed, different keys AND-ed.
 */
public final class Filter {
    private final Map<String, List<String>> filters;

    private Filter(Map<String, List<String>> filters) {
        this.filters = filters;
    }

    /**
     * No filter: everything.
     *
     * @return the empty filter
     */
    public static Filter none() {
        return new Filter(Map.of());
    }

    /**
     * {@code --filter label=KEY}.
     *
     * @param key the label's key
     * @return a new filter; this one is unchanged
     */
    public Filter label(String key) {
        return with("label", Validation.notBlank("label key", key, "give a label key"));
    }

    /**
     * {@code --filter label=KEY=VALUE}.
     *
     * @param key the label's key
     * @param value its value
     * @return a new filter; this one is unchanged
     */
    public Filter label(String key, String value) {
        Validation.labelKey(key);
        return with("label", key + "=" + Validation.required("value of label filter " + key, value,
                "use label(key) to match any value"));
    }

    /**
     * Images: {@code --filter reference=PATTERN}, a repository[:tag] pattern, e.g. "nginx" or "myapp:*".
     *
     * @param pattern the pattern
     * @return a new filter; this one is unchanged
     */
    public Filter reference(String pattern) {
        return with("reference", pattern);
    }

    /**
     * {@code --filter name=NAME} (substring match by the engine).
     *
     * @param name the text
     * @return a new filter; this one is unchanged
     */
    public Filter name(String name) {
        return with("name", name);
    }

    /**
     * {@code --filter dangling=true|false}: volumes not used by any container, images without a tag.
     *
     * @param dangling true for dangling ones only
     * @return a new filter; this one is unchanged
     */
    public Filter dangling(boolean dangling) {
        return with("dangling", String.valueOf(dangling));
    }

    /**
     * Only what Berth created ({@code --filter label=dev.berth.managed=true}).
     *
     * @return a new filter; this one is unchanged
     */
    public Filter berthManaged() {
        return label(BerthLabels.MANAGED, "true");
    }

    /**
     * {@code --filter KEY=VALUE} for any key the engine knows.
     *
     * @param key the filter key, e.g. "driver"
     * @param value the value to match
     * @return a new filter; this one is unchanged
     * @throws InvalidSpecException when the key is blank or the value null
     */
    public Filter with(String key, String value) {
        Validation.notBlank("filter key", key, "give a filter key, e.g. \"label\"");
        Validation.required("value of filter " + key, value, "give the value to match");
        var copy = new LinkedHashMap<>(filters);
        var values = new ArrayList<>(copy.getOrDefault(key, List.of()));
        values.add(value);
        copy.put(key, List.copyOf(values));
        return new Filter(Map.copyOf(copy));
    }

    /**
     * The engine filters, as sent.
     *
     * @return filter key to values
     */
    public Map<String, List<String>> asMap() {
        return filters;
    }

    @Override
    public String toString() {
        return filters.isEmpty() ? "no filter" : filters.toString();
    }
}
