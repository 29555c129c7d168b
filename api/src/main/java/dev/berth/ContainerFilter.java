package dev.berth;

import java.util.List;
import java.util.Map;

/**
 * Which containers {@code list} returns: {@code docker ps} filters. Running ones by default; {@link #all()} for
 * {@code ps -a}. Each call returns a new filter; filters of the same kind are OR-ed, different kinds AND-ed.
 */
public final class ContainerFilter {
    private final boolean all;
    private final Filter filter;

    private ContainerFilter(boolean all, Filter filter) {
        this.all = all;
        this.filter = filter;
    }

    public static ContainerFilter running() {
        return new ContainerFilter(false, Filter.none());
    }

    /** Running and stopped containers, like {@code docker ps -a}. */
    public static ContainerFilter all() {
        return new ContainerFilter(true, Filter.none());
    }

    public ContainerFilter label(String key) {
        return new ContainerFilter(all, filter.label(key));
    }

    public ContainerFilter label(String key, String value) {
        return new ContainerFilter(all, filter.label(key, value));
    }

    /** Matches names containing the text (the engine's name filter is a substring/regex match). */
    public ContainerFilter name(String name) {
        return new ContainerFilter(all, filter.name(name));
    }

    /** Filtering by status includes stopped containers. */
    public ContainerFilter status(ContainerStatus status) {
        return new ContainerFilter(true, filter.with("status", status.wireName()));
    }

    /** Containers created from that image (or a descendant of it). */
    public ContainerFilter ancestor(String image) {
        return new ContainerFilter(all, filter.with("ancestor", image));
    }

    public boolean includesStopped() {
        return all;
    }

    public Map<String, List<String>> filters() {
        return filter.asMap();
    }

    @Override
    public String toString() {
        return (all ? "all" : "running") + (filter.asMap().isEmpty() ? "" : " " + filter.asMap());
    }
}
