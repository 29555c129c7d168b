package dev.berth;

import java.time.Duration;
import java.util.List;

/**
 * A swarm stack ({@code docker stack deploy}): services, networks, secrets and configs labelled
 * {@code com.docker.stack.namespace=NAME}, so {@code docker stack ls/ps/services/rm} see it whoever deployed it.
 * {@link #close()} is {@code docker stack rm}.
 */
public interface DeployedStack extends AutoCloseable {
    String name();

    /** {@code docker stack services}. */
    List<ServiceInfo> services();

    /** A service by its name in the compose file ({@code web} for {@code NAME_web}). */
    Service service(String composeName);

    /** {@code docker stack ps}: the tasks of every service. */
    List<TaskInfo> ps();

    /** Waits until every service has converged (see {@link Service#awaitConverged}). */
    DeployedStack awaitConverged(Duration timeout);

    /** {@code docker stack rm}: services, then secrets, configs and networks of the stack. */
    void remove();

    @Override
    void close();
}
