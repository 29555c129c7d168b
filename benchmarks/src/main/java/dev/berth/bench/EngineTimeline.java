package dev.berth.bench;

import dev.berth.Docker;
import dev.berth.EngineEvent;
import dev.berth.EventFilter;
import dev.berth.EventStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's own share of a stack's deploy and remove, read from {@code docker events} (engine timestamps, so the
 * client that asked is not in it): from the stack's first network create to its last task container start, and
 * from its first service remove to this node dropping its last network. Events are grouped by stack name.
 */
final class EngineTimeline implements AutoCloseable {
    private final Map<String, List<EngineEvent>> byStack = new ConcurrentHashMap<>();
    private final EventStream stream;

    EngineTimeline(Docker docker) {
        stream = docker.system().events(EventFilter.all().type("network").type("container").type("service"),
                this::record);
    }

    private void record(EngineEvent event) {
        String name = event.actorName();
        if (name != null && name.contains("_")) {
            synchronized (this) {
                byStack.computeIfAbsent(name.substring(0, name.indexOf('_')), k -> new ArrayList<>()).add(event);
            }
        }
    }

    /** Engine milliseconds of one stack: [0] network create to last start, [1] service remove to network gone. */
    double[] engineMillis(String stack) {
        List<EngineEvent> events;
        synchronized (this) {
            events = List.copyOf(byStack.getOrDefault(stack, List.of()));
        }
        Instant created = first(events, "network", "create");
        Instant started = last(events, "container", "start");
        Instant removed = first(events, "service", "remove");
        Instant gone = last(events, "network", "destroy");
        return new double[] {between(created, started), between(removed, gone)};
    }

    private static double between(Instant from, Instant to) {
        return from == null || to == null ? Double.NaN : Duration.between(from, to).toNanos() / 1e6;
    }

    private static Instant first(List<EngineEvent> events, String type, String action) {
        return events.stream().filter(e -> e.type().equals(type) && e.action().equals(action))
                .map(EngineEvent::time).min(Instant::compareTo).orElse(null);
    }

    private static Instant last(List<EngineEvent> events, String type, String action) {
        return events.stream().filter(e -> e.type().equals(type) && e.action().equals(action))
                .map(EngineEvent::time).max(Instant::compareTo).orElse(null);
    }

    @Override
    public void close() {
        stream.close();
    }
}
