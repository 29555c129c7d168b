package dev.berth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which containers {@code list} returns: {@code docker ps} filters. Running ones by default; {@link #all()} for
 * {@code ps -a}. Each call returns a new filter; filters of the same kind are OR-ed, different kinds AND-ed.
 */
public final class ContainerFilter {
    private final boolean all;
    private final Map<String, List<String>> filters;

    private ContainerFilter(boolean all, Map<String, List<String>> filters) {
        this.all = all;
        this.filters = filters;
    }

    public static ContainerFilter running() {
        return new ContainerFilter(false, Map.of());
    }

    /** Running and stopped containers, like {@code docker ps -a}. */
    public static ContainerFilter all() {
        return new ContainerFilter(true, Map.of());
    }

    public ContainerFilter label(String key) {
        return with("label", Validation.notBlank("label key", key, "give a label key"));
    }

    public ContainerFilter label(String key, String value) {
        return with("label", Validation.notBlank("label key", key, "give a label key") + "=" + value);
    }

    /** Matches names containing the text (the engine's name filter is a substring/regex match). */
    public ContainerFilter name(String name) {
        return with("name", name);
    }

    /** Filtering by status includes stopped containers. */
    public ContainerFilter status(ContainerStatus status) {
        return new ContainerFilter(true, add("status", status.wireName()));
    }

    /** Containers created from that image (or a descendant of it). */
    public ContainerFilter ancestor(String image) {
        return with("ancestor", image);
    }

    public boolean includesStopped() {
        return all;
    }

    public Map<String, List<String>> filters() {
        return filters;
    }

    private ContainerFilter with(String key, String value) {
        return new ContainerFilter(all, add(key, value));
    }

    private Map<String, List<String>> add(String key, String value) {
        var copy = new LinkedHashMap<>(filters);
        var values = new ArrayList<>(copy.getOrDefault(key, List.of()));
        values.add(value);
        copy.put(key, List.copyOf(values));
        return Map.copyOf(copy);
    }

    @Override
    public String toString() {
        return (all ? "all" : "running") + (filters.isEmpty() ? "" : " " + filters);
    }
}
