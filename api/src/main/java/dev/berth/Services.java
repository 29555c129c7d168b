package dev.berth;

import java.util.List;

/** {@code docker service ...}. */
public interface Services {
    /**
     * {@code docker service create --detach}: returns at once; {@link Service#awaitConverged} waits for the tasks.
     *
     * @param spec the service
     * @return the created service
     * @throws NotFoundException when the spec names a network, secret or config that does not exist
     * @throws NotInSwarmException when this engine is not a swarm manager
     */
    Service create(ServiceSpec spec);

    /**
     * A service by name or id ({@code docker service inspect NAME}).
     *
     * @param nameOrId the service's name or id
     * @return the service
     * @throws NotFoundException when there is no such service
     */
    Service get(String nameOrId);

    /**
     * {@code docker service ls}.
     *
     * @return every service of the swarm
     * @throws NotInSwarmException when this engine is not a swarm manager
     */
    List<ServiceInfo> list();
}
