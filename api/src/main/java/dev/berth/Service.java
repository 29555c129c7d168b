package dev.berth;

import java.time.Duration;
import java.util.List;

/** A swarm service. {@link #close()} removes it ({@code docker service rm}). */
public interface Service extends AutoCloseable {
    /**
     * The service's id ({@code docker service ls}'s ID column).
     *
     * @return the id
     */
    String id();

    /**
     * The service's name ({@code docker service create --name}).
     *
     * @return the name
     */
    String name();

    /**
     * {@code docker service inspect}: spec summary, replica counts and update status.
     *
     * @return what the engine holds now
     * @throws NotFoundException when the service was removed
     */
    ServiceInfo inspect();

    /**
     * {@code docker service update}: replaces the spec; the swarm rolls tasks over per the update config.
     *
     * @param spec the new spec
     * @return this service
     * @throws NotFoundException when the service was removed
     */
    Service update(ServiceSpec spec);

    /**
     * {@code docker service scale NAME=N}.
     *
     * @param replicas the number of tasks wanted
     * @return this service
     * @throws InvalidSpecException when the service is global
     */
    Service scale(int replicas);

    /**
     * {@code docker service rollback}: back to the spec before the last update.
     *
     * @return this service
     * @throws InvalidSpecException when the service was never updated (no previous spec)
     */
    Service rollback();

    /**
     * {@code docker service ps}: every task, newest first per slot, with state and error.
     *
     * @return the service's tasks
     */
    List<TaskInfo> tasks();

    /**
     * {@code docker service logs --tail N}: output of every task, merged in time order.
     *
     * @param tail how many of the newest lines to keep (of all tasks merged)
     * @return the lines
     */
    List<LogLine> logs(int tail);

    /**
     * Waits until every desired task runs (and is healthy where the image or spec has a health check) and no update
     * is in progress. On timeout, or when tasks keep failing, throws {@link ServiceConvergenceException} with the
     * failing task's error and its last log lines.
     *
     * @param timeout how long to wait at most
     * @return this service
     * @throws ServiceConvergenceException on timeout or when tasks keep failing
     */
    Service awaitConverged(Duration timeout);

    /** {@code docker service rm}. */
    void remove();

    @Override
    void close();
}
