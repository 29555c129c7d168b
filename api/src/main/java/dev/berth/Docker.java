package dev.berth;

import dev.berth.spi.DockerProvider;
import java.util.ServiceLoader;

/**
 * A connection to one Docker engine: the entry point.
 *
 * <pre>{@code
 * try (Docker docker = Docker.connect()) {
 *     Container web = docker.containers().run(ContainerSpec.of("nginx").publish(8080, 80).waitFor(Wait.http(80, "/")));
 * }
 * }</pre>
 */
public interface Docker extends AutoCloseable {

    /**
     * Connects as the docker CLI would: {@code DOCKER_HOST}, then the current docker context, then the default
     * socket.
     *
     * @return an open connection; close it when done
     * @throws EngineUnavailableException when no engine answers there (the message names the endpoint and the fix)
     * @throws DockerException when no Berth engine implementation ({@code berth-core}) is on the class path
     */
    static Docker connect() {
        return connect(DockerSettings.defaults());
    }

    /**
     * Connects with explicit settings (endpoint, TLS, timeouts, credentials).
     *
     * @param settings where and how to connect; {@link DockerSettings#defaults()} is what {@link #connect()} uses
     * @return an open connection; close it when done
     * @throws EngineUnavailableException when no engine answers at the endpoint
     * @throws DockerException when no Berth engine implementation ({@code berth-core}) is on the class path
     */
    static Docker connect(DockerSettings settings) {
        DockerProvider provider = ServiceLoader.load(DockerProvider.class, Docker.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new DockerException("No Berth engine implementation on the class path."
                        + " Add the dependency dev.berth:berth-core (runtime scope is enough)."));
        return provider.connect(settings);
    }

    /**
     * Containers: {@code docker run}, {@code create}, {@code ps}, {@code container prune}.
     *
     * @return the container collection of this connection (no engine call)
     */
    Containers containers();

    /**
     * Images: {@code docker pull}, {@code images}, {@code build}, {@code push}, {@code rmi}, {@code image prune}.
     *
     * @return the image collection of this connection (no engine call)
     */
    Images images();

    /**
     * Volumes: {@code docker volume create / ls / inspect / rm / prune}.
     *
     * @return the volume collection of this connection (no engine call)
     */
    Volumes volumes();

    /**
     * Networks: {@code docker network create / ls / inspect / rm / prune}.
     *
     * @return the network collection of this connection (no engine call)
     */
    Networks networks();

    /**
     * {@code docker compose}: stacks from compose files.
     *
     * @return the stack collection of this connection (no engine call)
     */
    Stacks stacks();

    /**
     * {@code docker swarm / node / service / secret / config}.
     *
     * @return the swarm operations of this connection (no engine call)
     */
    Swarm swarm();

    /**
     * {@code docker system df / events / prune}.
     *
     * @return the system operations of this connection (no engine call)
     */
    DockerSystem system();

    /**
     * {@code docker version}; asked once per connection and remembered.
     *
     * @return the engine's version and API version
     * @throws EngineUnavailableException when the engine does not answer
     */
    EngineVersion version();

    /**
     * {@code docker info}.
     *
     * @return what the engine reports about itself (counts, storage driver, OS, CPUs, memory)
     * @throws EngineUnavailableException when the engine does not answer
     */
    EngineInfo info();

    /**
     * {@code GET /_ping}: is the engine there, and how fast does it answer.
     *
     * @return the engine's API version, OS type and the round trip
     * @throws EngineUnavailableException when the engine does not answer
     */
    Ping ping();

    /**
     * Where this connection goes and how it was chosen ({@code docker context inspect} shows the same).
     *
     * @return the endpoint (no engine call)
     */
    EngineEndpoint endpoint();

    /**
     * Id stamped on everything this connection creates (label {@value BerthLabels#SESSION}); filter
     * {@code docker ps --filter label=dev.berth.session=ID} to see them.
     *
     * @return this connection's session id
     */
    String sessionId();

    /**
     * How many HTTP requests this connection has sent to the engine so far (to count calls per operation).
     *
     * @return the count since connect
     */
    long requestCount();

    /** Closes the connection; containers keep running (close them first to remove them). No engine call fails. */
    @Override
    void close();
}
