package dev.berth;

import java.time.Instant;
import java.util.Map;

/** One engine event ({@code docker events}): e.g. type "container", action "start", the actor's id and attributes. */
public record EngineEvent(String type, String action, String actorId, Map<String, String> attributes, Instant time) {
    /**
     * Copies the collections, so the value cannot change.
     *
     * @param type see {@link #type()}
     * @param action see {@link #action()}
     * @param actorId see {@link #actorId()}
     * @param attributes see {@link #attributes()}
     * @param time see {@link #time()}
     */
    public EngineEvent {
        attributes = Map.copyOf(attributes);
    }

    /**
     * The actor's name attribute (containers, volumes, networks have one).
     *
     * @return the name, or null
     */
    public String actorName() {
        return attributes.get("name");
    }

    @Override
    public String toString() {
        return time + " " + type + " " + action + " " + (actorName() != null ? actorName() : actorId);
    }
}
