package dev.berth.spi;

import dev.berth.Docker;
import dev.berth.DockerSettings;

/** Implemented by berth-core and found through {@link java.util.ServiceLoader}, like a JDBC driver. */
public interface DockerProvider {
    Docker connect(DockerSettings settings);
}
