package dev.berth;

import java.util.function.Consumer;

/** {@code docker system …}: disk usage, events, prune. */
public interface DockerSystem {
    EngineInfo info();

    EngineVersion version();

    /** {@code docker system df}. */
    DiskUsage diskUsage();

    /** {@code docker events}: every matching event goes to the consumer (on a background thread) until closed. */
    EventStream events(EventFilter filter, Consumer<EngineEvent> consumer);

    /** {@code docker system prune}: see {@link Prune#everything()} and {@link Prune#onlyBerth()}. */
    PruneReport prune(Prune prune);
}
