package dev.berth.core.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import dev.berth.BerthLabels;
import dev.berth.DockerSystem;
import java.util.Map;
import dev.berth.Docker;
import dev.berth.EngineEndpoint;
import dev.berth.EngineInfo;
import dev.berth.EngineVersion;
import dev.berth.Ping;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A live connection: the docker-java client, the counted transport, and this session's identity. */
public final class EngineDocker implements Docker {
    private final DockerClient client;
    private final DockerClient streamingClient;
    private final AtomicLong requests;
    private final Duration requestTimeout;
    private final RawEngine raw;
    private final EngineEndpoint endpoint;
    private final EngineDialer dialer;
    private final String sessionId = UUID.randomUUID().toString();
    private final EngineContainers containers;
    private final EngineImages images;
    private final RegistryCredentials credentials;
    private final EngineVolumes volumes;
    private final EngineNetworks networks;
    private final EngineSystem system;
    private final EngineStacks stacks;
    private final Map<String, String> berthLabels;
    /** Threads for waits that watch a container while the caller polls; daemon so they never hold the JVM. */
    private final ExecutorService background = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "berth-background");
        thread.setDaemon(true);
        return thread;
    });
    private volatile EngineVersion version;

    EngineDocker(DockerClient client, DockerClient streamingClient, AtomicLong requests, RawEngine raw,
            EngineEndpoint endpoint, EngineDialer dialer, Duration requestTimeout, RegistryCredentials credentials,
            Map<String, String> environment) {
        this.client = client;
        this.streamingClient = streamingClient;
        this.requests = requests;
        this.requestTimeout = requestTimeout;
        this.dialer = dialer;
        this.raw = raw;
        this.endpoint = endpoint;
        this.containers = new EngineContainers(this);
        this.volumes = new EngineVolumes(this);
        this.images = new EngineImages(this);
        this.credentials = credentials;
        this.networks = new EngineNetworks(this);
        this.system = new EngineSystem(this);
        this.stacks = new EngineStacks(this, environment);
        this.berthLabels = Map.of(BerthLabels.MANAGED, "true", BerthLabels.SESSION, sessionId,
                BerthLabels.VERSION, CreateRequest.BERTH_VERSION);
    }

    /** For short calls: bounded by the request timeout. */
    DockerClient client() {
        return client;
    }

    /** For streams and calls that wait by design: no response timeout; callers bound them. */
    DockerClient streamingClient() {
        return streamingClient;
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    EngineDialer dialer() {
        return dialer;
    }

    void countRequest() {
        requests.incrementAndGet();
    }

    ExecutorService background() {
        return background;
    }

    /** The address published ports are reached on from this machine. */
    String publishedHost() {
        String host = endpoint.host();
        if (host.startsWith("tcp://")) {
            return URI.create(host).getHost();
        }
        return "127.0.0.1";
    }

    @Override
    public EngineContainers containers() {
        return containers;
    }

    @Override
    public EngineImages images() {
        return images;
    }

    RegistryCredentials credentials() {
        return credentials;
    }

    @Override
    public EngineVolumes volumes() {
        return volumes;
    }

    @Override
    public EngineNetworks networks() {
        return networks;
    }

    @Override
    public dev.berth.Stacks stacks() {
        return stacks;
    }

    @Override
    public DockerSystem system() {
        return system;
    }

    /** The labels on everything this session creates. */
    Map<String, String> berthLabels() {
        return berthLabels;
    }

    /**
     * The query for a volume prune. From API 1.42 the engine prunes only anonymous volumes unless asked for all;
     * Berth keeps one meaning (every unused volume the filter selects) on every engine.
     */
    String volumePruneQuery(java.util.Map<String, java.util.List<String>> filters) {
        java.util.Map<String, java.util.List<String>> all = new java.util.LinkedHashMap<>(filters);
        if (ApiVersions.compare(endpoint.apiVersion(), "1.42") >= 0) {
            all.put("all", java.util.List.of("true"));
        }
        return RawEngine.filters(all);
    }

    RawEngine rawEngine() {
        return raw;
    }

    /** A raw request with the usual translation of failures. */
    <T> T raw(String operation, java.util.function.Function<RawEngine, T> request) {
        long deadline = System.nanoTime() + PRUNE_LOCK_WAIT.toNanos();
        long pause = 50;
        while (true) {
            try {
                return request.apply(raw);
            } catch (RawEngine.HttpError e) {
                // The engine runs one prune of a kind at a time and answers 409 "a prune operation is already
                // running" to a second one (two processes pruning their own labels at once); wait for it.
                if (e.status != 409 || !String.valueOf(e.getMessage()).contains("prune operation is already running")
                        || System.nanoTime() > deadline) {
                    throw EngineErrors.generic(operation, e);
                }
                sleepQuietly(pause);
                pause = Math.min(1000, pause * 2);
            } catch (RuntimeException e) {
                throw EngineErrors.generic(operation, e);
            }
        }
    }

    private static final java.time.Duration PRUNE_LOCK_WAIT = java.time.Duration.ofMinutes(2);

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new dev.berth.DockerException("Interrupted while waiting for another prune to finish", interrupted);
        }
    }

    /** Keeps a /version answer read during connection, so version() costs no second call. */
    void remember(com.fasterxml.jackson.databind.JsonNode v) {
        version = new EngineVersion(v.path("Version").asText(), v.path("ApiVersion").asText(),
                v.path("MinAPIVersion").asText(), endpoint.apiVersion(), v.path("Os").asText(), v.path("Arch").asText(),
                v.path("KernelVersion").asText(), v.path("GitCommit").asText());
    }

    @Override
    public EngineVersion version() {
        EngineVersion known = version;
        if (known == null) {
            Version v = call("version", () -> client.versionCmd().exec());
            known = new EngineVersion(v.getVersion(), v.getApiVersion(), v.getMinAPIVersion(), endpoint.apiVersion(),
                    v.getOperatingSystem(), v.getArch(), v.getKernelVersion(), v.getGitCommit());
            version = known;
        }
        return known;
    }

    @Override
    public EngineInfo info() {
        Info i = call("info", () -> client.infoCmd().exec());
        return new EngineInfo(i.getName(), i.getServerVersion(), i.getOperatingSystem(), i.getOsType(),
                i.getArchitecture(), nz(i.getNCPU()), i.getMemTotal() == null ? 0 : i.getMemTotal(),
                nz(i.getContainers()), nz(i.getContainersRunning()), nz(i.getContainersPaused()),
                nz(i.getContainersStopped()), nz(i.getImages()), i.getDriver(), i.getCGroupVersion(),
                i.getDockerRootDir());
    }

    @Override
    public Ping ping() {
        RawEngine.PingReply reply = call("ping", raw::ping);
        return new Ping(reply.apiVersion(), reply.osType(), reply.roundTrip());
    }

    @Override
    public EngineEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public long requestCount() {
        return requests.get();
    }

    @Override
    public void close() {
        background.shutdownNow();
        RawEngine.closeQuietly(client);
        RawEngine.closeQuietly(streamingClient);
    }

    @Override
    public String toString() {
        return "Docker[" + endpoint + ", session " + sessionId + "]";
    }

    private static int nz(Integer value) {
        return value == null ? 0 : value;
    }

    static <T> T call(String operation, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            throw EngineErrors.generic(operation, e);
        }
    }
}
