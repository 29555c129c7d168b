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

    /**
     * Running containers only, like {@code docker ps}.
     *
     * @return the filter
     */
    public static ContainerFilter running() {
        return new ContainerFilter(false, Filter.none());
    }

    /**
     * Running and stopped containers, like {@code docker ps -a}.
     *
     * @return the filter
     */
    public static ContainerFilter all() {
        return new ContainerFilter(true, Filter.none());
    }

    /**
     * {@code --filter label=KEY}: containers that have the label.
     *
     * @param key the label's key
     * @return a new filter; this one is unchanged
     */
    public ContainerFilter label(String key) {
        return new ContainerFilter(all, filter.label(key));
    }

    /**
     * {@code --filter label=KEY=VALUE}.
     *
     * @param key the label's key
     * @param value its value
     * @return a new filter; this one is unchanged
     */
    public ContainerFilter label(String key, String value) {
        return new ContainerFilter(all, filter.label(key, value));
    }

    /**
     * {@code --filter name=NAME}: matches names containing the text (the engine's name filter is a substring/regex
     * match).
     *
     * @param name the text or regex
     * @return a new filter; this one is unchanged
     */
    public ContainerFilter name(String name) {
        return new ContainerFilter(all, filter.name(name));
    }

    /**
     * {@code --filter status=STATUS}; filtering by status includes stopped containers.
     *
     * @param status the state
     * @return a new filter; this one is unchanged
     */
    public ContainerFilter status(ContainerStatus status) {
        return new ContainerFilter(true, filter.with("status", status.wireName()));
    }

    /**
     * {@code --filter ancestor=IMAGE}: containers created from that image (or a descendant of it).
     *
     * @param image the image reference or id
     * @return a new filter; this one is unchanged
     */
    public ContainerFilter ancestor(String image) {
        return new ContainerFilter(all, filter.with("ancestor", image));
    }

    /**
     * Whether stopped containers are listed ({@code -a}).
     *
     * @return true for {@link #all()} or a status filter
     */
    public boolean includesStopped() {
        return all;
    }

    /**
     * The engine filters, as sent.
     *
     * @return filter key to values
     */
    public Map<String, List<String>> filters() {
        return filter.asMap();
    }

    @Override
    public String toString() {
        return (all ? "all" : "running") + (filter.asMap().isEmpty() ? "" : " " + filter.asMap());
    }
}
