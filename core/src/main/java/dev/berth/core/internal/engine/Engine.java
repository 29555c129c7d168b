package dev.berth.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import dev.berth.BerthLabels;
import dev.berth.DockerClosedException;
import dev.berth.EngineEndpoint;
import dev.berth.EngineVersion;
import dev.berth.core.internal.transport.InFlight;
import dev.berth.core.internal.transport.RawEngine;
import dev.berth.core.internal.transport.SocketTransport;
import dev.berth.core.internal.transport.SshDestination;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One live connection to one engine, shared by every collection and handle of a {@code Docker}: the clients, the
 * raw and socket transports, the background threads, this session's labels and credentials, and the request count.
 * Built by {@link EngineConnector}; nothing above it holds transport state of its own.
 */
public final class Engine implements AutoCloseable {
    /** The version written into the {@code dev.berth.version} label. */
    public static final String BERTH_VERSION = "0.1.0";

    private final DockerClient client;
    private final DockerClient streamingClient;
    private final AtomicLong requests;
    private final Duration requestTimeout;
    private final RawEngine raw;
    private final EngineEndpoint endpoint;
    private final SocketTransport sockets;
    private final RegistryCredentials credentials;
    private final Map<String, String> environment;
    private final String sessionId = UUID.randomUUID().toString();
    private final Map<String, String> berthLabels;
    /** Threads for waits that watch a container while the caller polls; daemon so they never hold the JVM. */
    private final ExecutorService background = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "berth-background");
        thread.setDaemon(true);
        return thread;
    });
    private volatile EngineVersion version;
    private final InFlight inFlight;
    private final Supplier<RawEngine> freshTransport;

    Engine(DockerClient client, DockerClient streamingClient, AtomicLong requests, RawEngine raw,
            EngineEndpoint endpoint, SocketTransport sockets, Duration requestTimeout, RegistryCredentials credentials,
            Map<String, String> environment, InFlight inFlight, Supplier<RawEngine> freshTransport) {
        this.inFlight = inFlight;
        this.freshTransport = freshTransport;
        this.client = client;
        this.streamingClient = streamingClient;
        this.requests = requests;
        this.raw = raw;
        this.endpoint = endpoint;
        this.sockets = sockets;
        this.requestTimeout = requestTimeout;
        this.credentials = credentials;
        this.environment = environment;
        this.berthLabels = Map.of(BerthLabels.MANAGED, "true", BerthLabels.SESSION, sessionId,
                BerthLabels.VERSION, BERTH_VERSION, Owner.LABEL, Owner.current().label());
    }

    /** For short calls: bounded by the request timeout. */
    public DockerClient client() {
        return client;
    }

    /** docker-java's own JSON mapping, for requests Berth sends itself in docker-java's shapes. */
    public com.fasterxml.jackson.databind.ObjectMapper dockerJavaJson() {
        return DockerJavaJson.MAPPER;
    }

    private static final class DockerJavaJson {
        static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
                new com.github.dockerjava.core.DefaultDockerClientConfig.Builder().build().getObjectMapper();
    }

    /** For streams and calls that wait by design: no response timeout; callers bound them. */
    public DockerClient streamingClient() {
        return streamingClient;
    }

    /** Requests docker-java does not model, on the bounded, counted transport. */
    public RawEngine raw() {
        return raw;
    }

    /** Berth's own connections, for upgraded and streamed requests; counted like the rest. */
    public SocketTransport sockets() {
        return sockets;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * Threads for work beside a call (exit watches, stdin pumps). A closed connection gives a typed error here,
     * never the executor's {@code RejectedExecutionException}.
     */
    public ExecutorService background() {
        requireOpen("this call");
        return background;
    }

    /** Runs {@code task} on a background thread; a typed "closed" error if the connection is closed. */
    public <T> java.util.concurrent.Future<T> inBackground(String operation, java.util.concurrent.Callable<T> task) {
        requireOpen(operation);
        try {
            return background.submit(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new DockerClosedException(operation, e);
        }
    }

    public boolean closed() {
        return inFlight.closed();
    }

    /** Fails with the typed "closed" error once {@code close()} has begun. */
    public void requireOpen(String operation) {
        if (inFlight.closed()) {
            throw new DockerClosedException(operation);
        }
    }

    /**
     * Cleanup that must happen even when this connection was closed meanwhile (a run racing {@code close()} removes
     * what it created): on this connection while open, else on a fresh connection opened for the cleanup alone.
     */
    public void cleanup(java.util.function.Consumer<RawEngine> action) {
        if (!inFlight.closed()) {
            action.accept(raw);
            return;
        }
        RawEngine fresh = freshTransport.get();
        try {
            action.accept(fresh);
        } finally {
            fresh.close();
        }
    }

    /** Exchanges open on this connection right now (tests check close leaves none). */
    public int openExchanges() {
        return inFlight.size();
    }

    public RegistryCredentials credentials() {
        return credentials;
    }

    /** The environment the connection was made with (compose interpolation reads it). */
    public Map<String, String> environment() {
        return environment;
    }

    public EngineEndpoint endpoint() {
        return endpoint;
    }

    public String sessionId() {
        return sessionId;
    }

    /** The labels on everything this session creates. */
    public Map<String, String> berthLabels() {
        return berthLabels;
    }

    public long requestCount() {
        return requests.get();
    }

    /** The address published ports are reached on from this machine. */
    public String publishedHost() {
        String host = endpoint.host();
        if (host.startsWith("tcp://")) {
            return URI.create(host).getHost();
        }
        if (host.startsWith("ssh://")) {
            // the engine runs on the ssh host: its published ports are there (if bound to an address reachable here)
            return SshDestination.parse(host, endpoint.source()).host();
        }
        return "127.0.0.1";
    }

    /** True when the pinned API version is at least {@code version}. */
    public boolean speaksAtLeast(String version) {
        return ApiVersions.compare(endpoint.apiVersion(), version) >= 0;
    }

    /** The engine's version, read once per connection (or kept from connecting). */
    public EngineVersion version(Supplier<EngineVersion> read) {
        EngineVersion known = version;
        if (known == null) {
            known = read.get();
            version = known;
        }
        return known;
    }

    /** Keeps a /version answer read during connection, so version() costs no second call. */
    void remember(JsonNode v) {
        version = new EngineVersion(v.path("Version").asText(), v.path("ApiVersion").asText(),
                v.path("MinAPIVersion").asText(), endpoint.apiVersion(), v.path("Os").asText(), v.path("Arch").asText(),
                v.path("KernelVersion").asText(), v.path("GitCommit").asText());
    }

    /**
     * Runs one engine call: the one place engine failures become Berth exceptions. A status with a meaning in
     * {@code failures} throws what the meaning says (or returns null when it says the failure is fine); anything else
     * becomes a {@code DockerException} naming the operation ({@link EngineErrors#generic}).
     */
    public <T> T call(String operation, Supplier<T> action, Failures failures) {
        requireOpen(operation);
        long deadline = System.nanoTime() + PRUNE_LOCK_WAIT.toNanos();
        long pauseMillis = 50;
        while (true) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (anotherPruneIsRunning(e) && System.nanoTime() < deadline) {
                    sleep(pauseMillis);
                    pauseMillis = Math.min(1000, pauseMillis * 2);
                    continue;
                }
                RuntimeException meant = EngineErrors.translate(operation, e, failures);
                if (meant == null) {
                    return null;
                }
                throw meant;
            }
        }
    }

    /**
     * The engine runs one prune of a kind at a time and answers 409 "a prune operation is already running" to a
     * second one, even with other filters (two processes pruning their own labels at once): wait for it to end.
     */
    private static final Duration PRUNE_LOCK_WAIT = Duration.ofMinutes(2);

    private static boolean anotherPruneIsRunning(RuntimeException e) {
        return EngineErrors.status(e) == 409
                && String.valueOf(e.getMessage()).contains("prune operation is already running");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new dev.berth.DockerException("Interrupted while waiting for another prune to finish", interrupted);
        }
    }

    public <T> T call(String operation, Supplier<T> action) {
        return call(operation, action, Failures.none());
    }

    /** A call for its effect only. */
    public void run(String operation, Runnable action, Failures failures) {
        call(operation, () -> {
            action.run();
            return null;
        }, failures);
    }

    public void run(String operation, Runnable action) {
        run(operation, action, Failures.none());
    }

    /** A lookup: 404 means "there is none" (empty); other failures as in {@link #call}. */
    public <T> Optional<T> find(String operation, Supplier<T> action, Failures failures) {
        return Optional.ofNullable(call(operation, action, failures.and(404, notFound -> null)));
    }

    public <T> Optional<T> find(String operation, Supplier<T> action) {
        return find(operation, action, Failures.none());
    }

    @Override
    public void close() {
        inFlight.close(); // first: every blocked read fails with "closed" rather than with the executor's interrupt
        background.shutdownNow();
        RawEngine.closeQuietly(client);
        RawEngine.closeQuietly(streamingClient);
        sockets.close(); // last: an ssh:// engine's forwarder, after the clients closed their connections through it
    }

    @Override
    public String toString() {
        return endpoint + ", session " + sessionId;
    }
}
