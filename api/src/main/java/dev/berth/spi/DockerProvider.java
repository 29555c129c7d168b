package dev.berth.spi;

import dev.berth.Docker;
import dev.berth.DockerSettings;

/** Implemented by berth-core and found through {@link java.util.ServiceLoader}, like a JDBC driver. */
public interface DockerProvider {
    /**
     * Opens a connection; {@link Docker#connect(DockerSettings)} calls it.
     *
     * @param settings where and how to connect
     * @return the open connection
     * @throws dev.berth.EngineUnavailableException when no engine answers
     */
    Docker connect(DockerSettings settings);
}
