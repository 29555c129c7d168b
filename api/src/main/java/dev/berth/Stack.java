package dev.berth;

import java.util.List;

/** A running compose application. {@link #close()} is {@code docker compose down} (named volumes are kept). */
public interface Stack extends AutoCloseable {
    /** The project name. */
    String name();

    /** {@code docker compose ps}: the project's containers, stopped ones too. */
    List<ContainerSummary> ps();

    /** The container of a service. */
    Container service(String service);

    /**
     * {@code docker compose down}: stops the containers gracefully, in reverse dependency order (each gets its
     * {@code stop_signal}, default SIGTERM, and {@code stop_grace_period}, default 10 s, before SIGKILL), then removes
     * them and the project's networks; named volumes are kept.
     */
    void down();

    /** {@code docker compose down -v}: the project's named volumes go too (their data is lost). */
    void downRemovingVolumes();

    /**
     * {@code docker compose ps} with what its table shows: per container the service, replica number, state,
     * health and published ports.
     */
    List<ServiceContainer> containers();

    @Override
    void close();
}
