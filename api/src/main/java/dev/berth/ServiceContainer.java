package dev.berth;

import java.util.List;

/** One row of {@code docker compose ps}: a container of a stack's service. {@code exitCode} is null while running. */
public record ServiceContainer(String service, int number, String name, String id, ContainerStatus status,
        Health health, Integer exitCode, List<PublishedPort> ports, boolean oneOff) {
    public ServiceContainer {
        ports = List.copyOf(ports);
    }
}
