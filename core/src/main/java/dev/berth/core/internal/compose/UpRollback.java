package dev.berth.core.internal.compose;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one {@code up} created, so a failed {@code up} removes exactly that: never the containers, networks or
 * volumes that were already there (a second {@code up} on a running stack must not take it down). Thread-safe:
 * services of a wave start side by side.
 */
final class UpRollback {
    private static final Logger LOG = LoggerFactory.getLogger(UpRollback.class);
    private final StackEngine engine;
    private final List<String> containers = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> networks = Collections.synchronizedSet(new LinkedHashSet<>());
    private final Set<String> volumes = Collections.synchronizedSet(new LinkedHashSet<>());

    UpRollback(StackEngine engine) {
        this.engine = engine;
    }

    void container(String id) {
        containers.add(id);
    }

    void network(String name) {
        networks.add(name);
    }

    void volume(String name) {
        volumes.add(name);
    }

    /** Removes what was recorded, newest first; failures are logged, so the original error is the one thrown. */
    void run(String project) {
        try {
            List<String> ids = new ArrayList<>(containers);
            Collections.reverse(ids);
            ids.forEach(id -> engine.containers().find(id).ifPresent(dev.berth.Container::close));
            networks.forEach(n -> engine.networks().find(n).ifPresent(dev.berth.Network::close));
            volumes.forEach(v -> engine.volumes().find(v).ifPresent(dev.berth.Volume::close));
        } catch (RuntimeException e) {
            LOG.warn("Could not remove all that the failed up of stack {} created: {}", project, e.getMessage());
        }
    }
}
