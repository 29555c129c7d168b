/**
 * The engine implementation of Berth. It exports nothing: users see only the api module's types, and find this one
 * through {@link java.util.ServiceLoader} (META-INF/services keeps the class path working the same way).
 */
module dev.berth.core {
    requires dev.berth;
    requires com.github.dockerjava.api;
    requires com.github.dockerjava.core;
    requires com.github.dockerjava.transport;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires org.snakeyaml.engine.v2;

    provides dev.berth.spi.DockerProvider with dev.berth.core.BerthDockerProvider;
    provides dev.berth.spi.ComposeLoaderProvider with dev.berth.core.BerthComposeLoader;
}
