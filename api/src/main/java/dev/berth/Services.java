package dev.berth;

import java.util.List;

/** {@code docker service ...}. */
public interface Services {
    /** {@code docker service create --detach}: returns at once; {@link Service#awaitConverged} waits for the tasks. */
    Service create(ServiceSpec spec);

    /** By name or id. */
    Service get(String nameOrId);

    /** {@code docker service ls}. */
    List<ServiceInfo> list();
}
