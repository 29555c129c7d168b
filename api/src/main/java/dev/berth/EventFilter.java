package dev.berth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Which events to receive: by type, label, container; optionally replaying from a past instant. Immutable. */
public record EventFilter(List<String> types, List<String> labels, List<String> containers, Instant since) {
    /**
     * Copies the collections, so the value cannot change.
     *
     * @param types see {@link #types()}
     * @param labels see {@link #labels()}
     * @param containers see {@link #containers()}
     * @param since see {@link #since()}
     */
    public EventFilter {
        types = List.copyOf(types);
        labels = List.copyOf(labels);
        containers = List.copyOf(containers);
    }

    /**
     * Every event ({@code docker events} without filters).
     *
     * @return the filter
     */
    public static EventFilter all() {
        return new EventFilter(List.of(), List.of(), List.of(), null);
    }

    /**
     * "container", "image", "volume", "network", "daemon" …
     *
     * {@code --filter type=TYPE}.
     *
     * @param type the object type
     * @return a new value; this one is unchanged
     */
    public EventFilter type(String type) {
        return new EventFilter(add(types, type), labels, containers, since);
    }

    /**
     * {@code --filter label=KEY=VALUE}.
     *
     * @param key the label's key
     * @param value its value
     * @return a new value; this one is unchanged
     */
    public EventFilter label(String key, String value) {
        return new EventFilter(types, add(labels, key + "=" + value), containers, since);
    }

    /**
     * {@code --filter container=ID}.
     *
     * @param idOrName the container's id or name
     * @return a new value; this one is unchanged
     */
    public EventFilter container(String idOrName) {
        return new EventFilter(types, labels, add(containers, idOrName), since);
    }

    /**
     * {@code --since TIME}: replays events from that instant before the live ones.
     *
     * @param from the instant
     * @return a new value; this one is unchanged
     */
    public EventFilter since(Instant from) {
        return new EventFilter(types, labels, containers, from);
    }

    private static List<String> add(List<String> list, String value) {
        var copy = new ArrayList<>(list);
        copy.add(value);
        return copy;
    }
}
