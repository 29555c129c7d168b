package dev.berth.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.core.internal.transport.RawEngine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what dead Berth processes of this host left on an engine: containers (with their anonymous volumes) and
 * networks whose {@link Owner} label names a process of this host that is gone (a JVM killed with kill -9 never ran
 * its cleanup). Runs in the background after {@code Docker.connect()}, at most once a minute per engine per JVM, on
 * its own uncounted connection: one filtered list call per kind, then one removal per leftover.
 *
 * <p>Never touches objects without the label (not made by this Berth), objects of live processes, or objects of
 * other hosts (their processes cannot be seen from here: see the README on remote engines). Named volumes are kept:
 * they may hold data someone wants.
 */
public final class Sweeper {
    private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);
    private static final long MIN_INTERVAL_NANOS = 60_000_000_000L;
    private static final Map<String, Long> LAST_SWEEP = new ConcurrentHashMap<>();

    private Sweeper() {
    }

    /** Starts a sweep of {@code engineKey}'s leftovers unless one ran recently or sweeping is switched off. */
    static void sweepInBackground(String engineKey, Map<String, String> env, Supplier<RawEngine> transport) {
        if ("false".equalsIgnoreCase(System.getProperty("berth.sweep", env.getOrDefault("BERTH_SWEEP", "true")))) {
            return;
        }
        long now = System.nanoTime();
        boolean[] due = {false};
        LAST_SWEEP.compute(engineKey, (key, last) -> {
            if (last == null || now - last >= MIN_INTERVAL_NANOS) {
                due[0] = true;
                return now;
            }
            return last;
        });
        if (!due[0]) {
            return;
        }
        Thread thread = new Thread(() -> {
            try (RawEngine raw = transport.get()) {
                sweep(raw);
            } catch (RuntimeException e) {
                LOG.debug("Sweep of leftovers on {} failed: {}", engineKey, e.toString());
            }
        }, "berth-sweep");
        thread.setDaemon(true);
        thread.start();
    }

    /** One pass: the containers first (a network in use cannot go), then the networks. */
    public static int sweep(RawEngine raw) {
        String filter = RawEngine.filters(Map.of("label", List.of(Owner.LABEL)));
        int removed = 0;
        for (JsonNode c : raw.get("/containers/json?all=1&" + filter)) {
            if (deadOwner(c.path("Labels"))) {
                removed += quietly(() -> raw.delete("/containers/" + c.path("Id").asText() + "?force=1&v=1"),
                        "container " + c.path("Id").asText());
            }
        }
        for (JsonNode n : raw.get("/networks?" + filter)) {
            if (deadOwner(n.path("Labels"))) {
                removed += quietly(() -> raw.delete("/networks/" + n.path("Id").asText()),
                        "network " + n.path("Name").asText());
            }
        }
        return removed;
    }

    static boolean deadOwner(JsonNode labels) {
        if ("true".equals(labels.path(dev.berth.BerthLabels.KEEP).asText(null))) {
            return false; // meant to outlive its process (reused across runs): its owner removes it
        }
        Owner owner = Owner.parse(labels.path(Owner.LABEL).asText(null));
        return owner != null && owner.certainlyDeadOnThisHost();
    }

    private static int quietly(Runnable removal, String what) {
        try {
            removal.run();
            LOG.info("Removed {} left by a Berth process that is gone", what);
            return 1;
        } catch (RuntimeException e) {
            LOG.debug("Could not remove leftover {}: {}", what, e.toString()); // gone already, or in use
            return 0;
        }
    }
}
