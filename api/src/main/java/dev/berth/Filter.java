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

    public static Filter none() {
        return new Filter(Map.of());
    }

    public Filter label(String key) {
        return with("label", Validation.notBlank("label key", key, "give a label key"));
    }

    public Filter label(String key, String value) {
        Validation.labelKey(key);
        return with("label", key + "=" + Validation.required("value of label filter " + key, value,
                "use label(key) to match any value"));
    }

    /** Images: repository[:tag] pattern, e.g. "nginx" or "myapp:*". */
    public Filter reference(String pattern) {
        return with("reference", pattern);
    }

    public Filter name(String name) {
        return with("name", name);
    }

    /** Volumes: not used by any container. */
    public Filter dangling(boolean dangling) {
        return with("dangling", String.valueOf(dangling));
    }

    /** Only what Berth created. */
    public Filter berthManaged() {
        return label(BerthLabels.MANAGED, "true");
    }

    public Filter with(String key, String value) {
        Validation.notBlank("filter key", key, "give a filter key, e.g. \"label\"");
        Validation.required("value of filter " + key, value, "give the value to match");
        var copy = new LinkedHashMap<>(filters);
        var values = new ArrayList<>(copy.getOrDefault(key, List.of()));
        values.add(value);
        copy.put(key, List.copyOf(values));
        return new Filter(Map.copyOf(copy));
    }

    public Map<String, List<String>> asMap() {
        return filters;
    }

    @Override
    public String toString() {
        return filters.isEmpty() ? "no filter" : filters.toString();
    }
}
