package dev.berth;

import java.util.List;

/**
 * One row of {@code docker compose ps}: a container of a stack's service. {@code exitCode} is null while running.
 *
 * @param service the service name in the compose file
 * @param number the replica number ({@code com.docker.compose.container-number})
 * @param name the container name
 * @param id the container id
 * @param status the container's state
 * @param health its health, when it has a health check
 * @param exitCode the exit code, null while running
 * @param ports the published ports
 * @param oneOff true for a {@code docker compose run} container
 */
public record ServiceContainer(String service, int number, String name, String id, ContainerStatus status,
        Health health, Integer exitCode, List<PublishedPort> ports, boolean oneOff) {
    /**
     * Copies the ports.
     *
     * @param service see {@link #service()}
     * @param number see {@link #number()}
     * @param name see {@link #name()}
     * @param id see {@link #id()}
     * @param status see {@link #status()}
     * @param health see {@link #health()}
     * @param exitCode see {@link #exitCode()}
     * @param ports see {@link #ports()}
     * @param oneOff see {@link #oneOff()}
     */
    public ServiceContainer {
        ports = List.copyOf(ports);
    }
}
