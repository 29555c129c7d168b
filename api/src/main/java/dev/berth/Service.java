package dev.berth;

import java.time.Duration;
import java.util.List;

/** A swarm service. {@link #close()} removes it ({@code docker service rm}). */
public interface Service extends AutoCloseable {
    String id();

    String name();

    /** {@code docker service inspect}: spec summary, replica counts and update status. */
    ServiceInfo inspect();

    /** {@code docker service update}: replaces the spec; the swarm rolls tasks over per the update config. */
    Service update(ServiceSpec spec);

    /** {@code docker service scale NAME=N}. */
    Service scale(int replicas);

    /** {@code docker service rollback}: back to the spec before the last update. */
    Service rollback();

    /** {@code docker service ps}: every task, newest first per slot, with state and error. */
    List<TaskInfo> tasks();

    /** {@code docker service logs --tail N}: output of every task, merged in time order. */
    List<LogLine> logs(int tail);

    /**
     * Waits until every desired task runs (and is healthy where the image or spec has a health check) and no update
     * is in progress. On timeout, or when tasks keep failing, throws {@link ServiceConvergenceException} with the
     * failing task's error and its last log lines.
     */
    Service awaitConverged(Duration timeout);

    /** {@code docker service rm}. */
    void remove();

    @Override
    void close();
}
