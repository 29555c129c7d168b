package dev.berth.core.internal.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import dev.berth.DiskUsage;
import dev.berth.DockerSystem;
import dev.berth.EngineEvent;
import dev.berth.EngineInfo;
import dev.berth.EngineVersion;
import dev.berth.EventFilter;
import dev.berth.EventStream;
import dev.berth.Filter;
import dev.berth.Ping;
import dev.berth.Prune;
import dev.berth.PruneReport;
import dev.berth.UsageCategory;
import dev.berth.core.internal.containers.EngineContainers;
import dev.berth.core.internal.engine.Engine;
import dev.berth.core.internal.images.EngineImages;
import dev.berth.core.internal.transport.RawEngine;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code docker system df / events / prune}. */
public final class EngineSystem implements DockerSystem {
    private static final Logger LOG = LoggerFactory.getLogger(EngineSystem.class);
    private final Engine engine;
    private final EngineContainers containers;
    private final EngineImages images;
    private final EngineVolumes volumes;
    private final EngineNetworks networks;

    public EngineSystem(Engine engine, EngineContainers containers, EngineImages images, EngineVolumes volumes,
            EngineNetworks networks) {
        this.engine = engine;
        this.containers = containers;
        this.images = images;
        this.volumes = volumes;
        this.networks = networks;
    }

    @Override
    public EngineInfo info() {
        Info i = engine.call("info", () -> engine.client().infoCmd().exec());
        return new EngineInfo(i.getName(), i.getServerVersion(), i.getOperatingSystem(), i.getOsType(),
                i.getArchitecture(), nz(i.getNCPU()), i.getMemTotal() == null ? 0 : i.getMemTotal(),
                nz(i.getContainers()), nz(i.getContainersRunning()), nz(i.getContainersPaused()),
                nz(i.getContainersStopped()), nz(i.getImages()), i.getDriver(), i.getCGroupVersion(),
                i.getDockerRootDir());
    }

    private static int nz(Integer value) {
        return value == null ? 0 : value;
    }

    @Override
    public EngineVersion version() {
        return engine.version(() -> {
            Version v = engine.call("version", () -> engine.client().versionCmd().exec());
            return new EngineVersion(v.getVersion(), v.getApiVersion(), v.getMinAPIVersion(),
                    engine.endpoint().apiVersion(), v.getOperatingSystem(), v.getArch(), v.getKernelVersion(),
                    v.getGitCommit());
        });
    }

    /** {@code GET /_ping}: cheap, and measures the round trip. */
    public Ping ping() {
        RawEngine.PingReply reply = engine.call("ping", engine.raw()::ping);
        return new Ping(reply.apiVersion(), reply.osType(), reply.roundTrip());
    }

    /** {@code GET /system/df}, which docker-java does not model; reclaimable sizes as {@code docker system df}. */
    @Override
    public DiskUsage diskUsage() {
        JsonNode df = engine.call("disk usage", () -> engine.raw().get("/system/df"));
        Tally images = new Tally("Images");
        for (JsonNode image : df.path("Images")) {
            images.add(image.path("Containers").asInt() > 0,
                    image.path("Size").asLong() - Math.max(0, image.path("SharedSize").asLong()), true);
        }
        Tally containers = new Tally("Containers");
        for (JsonNode c : df.path("Containers")) {
            containers.add("running".equals(c.path("State").asText()), c.path("SizeRw").asLong(), true);
        }
        Tally volumes = new Tally("Local Volumes");
        for (JsonNode v : df.path("Volumes")) {
            volumes.add(v.path("UsageData").path("RefCount").asInt() > 0,
                    Math.max(0, v.path("UsageData").path("Size").asLong()), true);
        }
        Tally cache = new Tally("Build Cache");
        for (JsonNode b : df.path("BuildCache")) {
            cache.add(b.path("InUse").asBoolean(), b.path("Size").asLong(), !b.path("Shared").asBoolean());
        }
        long layers = df.path("LayersSize").asLong();
        UsageCategory imageRow = new UsageCategory("Images", images.total, images.active, layers,
                Math.min(layers, images.reclaimable));
        return new DiskUsage(imageRow, containers.row(), volumes.row(), cache.row());
    }

    /** Counts one category of {@code system df}: what is unused counts as reclaimable. */
    private static final class Tally {
        private final String type;
        int total;
        int active;
        long size;
        long reclaimable;

        Tally(String type) {
            this.type = type;
        }

        void add(boolean inUse, long bytes, boolean reclaimableWhenUnused) {
            total++;
            size += bytes;
            if (inUse) {
                active++;
            } else if (reclaimableWhenUnused) {
                reclaimable += bytes;
            }
        }

        UsageCategory row() {
            return new UsageCategory(type, total, active, size, reclaimable);
        }
    }

    @Override
    public EventStream events(EventFilter filter, Consumer<EngineEvent> consumer) {
        var cmd = engine.streamingClient().eventsCmd();
        if (!filter.types().isEmpty()) {
            cmd.withEventTypeFilter(filter.types().toArray(String[]::new));
        }
        if (!filter.labels().isEmpty()) {
            cmd.withLabelFilter(filter.labels().toArray(String[]::new));
        }
        if (!filter.containers().isEmpty()) {
            cmd.withContainerFilter(filter.containers().toArray(String[]::new));
        }
        if (filter.since() != null) {
            cmd.withSince(String.valueOf(filter.since().getEpochSecond()));
        }
        java.util.concurrent.CountDownLatch live = new java.util.concurrent.CountDownLatch(1);
        var callback = new ResultCallback.Adapter<Event>() {
            private volatile boolean closedByUs;

            @Override
            public void onStart(java.io.Closeable stream) {
                super.onStart(stream);
                live.countDown();
            }

            @Override
            public void onNext(Event event) {
                try {
                    consumer.accept(event(event));
                } catch (RuntimeException e) {
                    LOG.warn("Event consumer failed on {}: {}", event, e.toString());
                }
            }

            /**
             * docker-java's template logs every stream error at ERROR, also when {@code Docker.close()} ended the
             * stream on purpose: that is silent here, as is the end after the subscriber's own close; a stream that
             * broke on its own is a warning (nobody else hears of it: the subscriber only stops receiving).
             */
            @Override
            public void onError(Throwable throwable) {
                var failure = dev.berth.core.internal.transport.TransportFailure.in(throwable);
                if (!closedByUs && (failure == null
                        || failure.kind() != dev.berth.core.internal.transport.TransportFailure.Kind.CLOSED)) {
                    LOG.warn("The events stream ended: {}", RawEngine.describe(throwable));
                }
                RawEngine.closeQuietly(this);
            }

            @Override
            public void close() throws java.io.IOException {
                closedByUs = true;
                super.close();
            }
        };
        engine.call("follow events", () -> cmd.exec(callback));
        try {
            // events are not replayed: return only once the engine has the subscription, so none is missed
            if (!live.await(engine.requestTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                RawEngine.closeQuietly(callback);
                throw new dev.berth.DockerException("The engine did not start the events stream in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            RawEngine.closeQuietly(callback);
            throw new dev.berth.DockerException("Interrupted while subscribing to events", e);
        }
        return () -> RawEngine.closeQuietly(callback);
    }

    private static EngineEvent event(Event e) {
        Map<String, String> attributes = e.getActor() == null || e.getActor().getAttributes() == null ? Map.of()
                : e.getActor().getAttributes();
        String actor = e.getActor() != null && e.getActor().getId() != null ? e.getActor().getId() : e.getId();
        Instant time = e.getTimeNano() != null ? Instant.ofEpochSecond(0, e.getTimeNano())
                : Instant.ofEpochSecond(e.getTime() == null ? 0 : e.getTime());
        String type = e.getType() == null ? "unknown" : e.getType().getValue();
        String action = e.getAction() != null ? e.getAction() : e.getStatus();
        return new EngineEvent(type, action, actor, attributes, time);
    }

    /**
     * The same steps as {@code docker system prune}, in its order, each narrowed by the prune's labels; each step is
     * the collection's own prune.
     */
    @Override
    public PruneReport prune(Prune prune) {
        Filter labels = Filter.none();
        for (Map.Entry<String, String> label : prune.labels().entrySet()) {
            labels = labels.label(label.getKey(), label.getValue());
        }
        PruneReport report = PruneReport.empty();
        if (prune.containers()) {
            report = report.plus(containers.prune(labels));
        }
        if (prune.networks()) {
            report = report.plus(networks.prune(labels));
        }
        if (prune.volumes()) {
            report = report.plus(volumes.prune(labels));
        }
        if (prune.images()) {
            report = report.plus(images.prune(new dev.berth.ImagePrune(prune.allUnusedImages(), labels)));
        }
        if (prune.buildCache() && prune.labels().isEmpty()) {
            report = report.plus(images.pruneBuildCache(prune.allUnusedImages()));
        }
        return report;
    }
}
