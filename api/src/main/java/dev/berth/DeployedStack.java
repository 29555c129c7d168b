package dev.berth;

import java.time.Duration;
import java.util.List;

/**
 * A swarm stack ({@code docker stack deploy}): services, networks, secrets and configs labelled
 * {@code com.docker.stack.namespace=NAME}, so {@code docker stack ls/ps/services/rm} see it whoever deployed it.
 * {@link #close()} is {@code docker stack rm}.
 */
public interface DeployedStack extends AutoCloseable {
    /**
     * The stack's name ({@code docker stack deploy ... NAME}).
     *
     * @return the name
     */
    String name();

    /**
     * {@code docker stack services NAME}.
     *
     * @return the stack's services
     */
    List<ServiceInfo> services();

    /**
     * A service by its name in the compose file ({@code web} for {@code NAME_web}).
     *
     * @param composeName the service name in the compose file
     * @return the service
     * @throws NotFoundException when the stack has no such service
     */
    Service service(String composeName);

    /**
     * {@code docker stack ps NAME}: the tasks of every service.
     *
     * @return the tasks
     */
    List<TaskInfo> ps();

    /**
     * Waits until every service has converged (see {@link Service#awaitConverged}).
     *
     * @param timeout how long to wait at most, for all services together
     * @return this stack
     * @throws ServiceConvergenceException when a service does not converge in time
     */
    DeployedStack awaitConverged(Duration timeout);

    /** {@code docker stack rm}: services, then secrets, configs and networks of the stack. */
    void remove();

    @Override
    void close();
}
