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

    /** Connects as the docker CLI would: DOCKER_HOST, then the docker context, then the default socket. */
    static Docker connect() {
        return connect(DockerSettings.defaults());
    }

    static Docker connect(DockerSettings settings) {
        DockerProvider provider = ServiceLoader.load(DockerProvider.class, Docker.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new DockerException("No Berth engine implementation on the class path."
                        + " Add the dependency dev.berth:berth-core (runtime scope is enough)."));
        return provider.connect(settings);
    }

    Containers containers();

    Images images();

    Volumes volumes();

    Networks networks();

    /** {@code docker compose}: stacks from compose files. */
    Stacks stacks();

    /** {@code docker swarm / node / service / secret / config}. */
    Swarm swarm();

    /** {@code docker system df / events / prune}. */
    DockerSystem system();

    /** {@code docker version}; asked once per connection and remembered. */
    EngineVersion version();

    /** {@code docker info}. */
    EngineInfo info();

    Ping ping();

    /** Where this connection goes and how it was chosen. */
    EngineEndpoint endpoint();

    /** Id stamped on everything this connection creates (label {@value BerthLabels#SESSION}). */
    String sessionId();

    /** How many HTTP requests this connection has sent to the engine so far (to count calls per operation). */
    long requestCount();

    /** Closes the connection; containers keep running (close them first to remove them). */
    @Override
    void close();
}
