package dev.berth.core;

import dev.berth.Docker;
import dev.berth.DockerSettings;
import dev.berth.core.internal.EngineDocker;
import dev.berth.core.internal.engine.EngineConnector;
import dev.berth.spi.DockerProvider;

/** The engine implementation of Berth, registered for {@link java.util.ServiceLoader}. */
public final class BerthDockerProvider implements DockerProvider {
    @Override
    public Docker connect(DockerSettings settings) {
        return new EngineDocker(EngineConnector.connect(settings));
    }
}
