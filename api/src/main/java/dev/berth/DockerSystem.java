package dev.berth;

import java.util.function.Consumer;

/** {@code docker system …}: disk usage, events, prune. */
public interface DockerSystem {
    /**
     * {@code docker info}.
     *
     * @return what the engine reports about itself
     * @throws EngineUnavailableException when the engine does not answer
     */
    EngineInfo info();

    /**
     * {@code docker version}.
     *
     * @return the engine's version and API version
     * @throws EngineUnavailableException when the engine does not answer
     */
    EngineVersion version();

    /**
     * {@code docker system df}.
     *
     * @return space used by images, containers, volumes and the build cache
     */
    DiskUsage diskUsage();

    /**
     * {@code docker events}: every matching event goes to the consumer (on a background thread) until closed.
     *
     * @param filter which events (type, label, container)
     * @param consumer called once per event, on one background thread
     * @return the running stream; close it to stop
     */
    EventStream events(EventFilter filter, Consumer<EngineEvent> consumer);

    /**
     * {@code docker system prune}: see {@link Prune#everything()} and {@link Prune#onlyBerth()}.
     *
     * @param prune what to prune (containers, networks, images, volumes) and which labels
     * @return everything removed and the space reclaimed
     */
    PruneReport prune(Prune prune);
}
