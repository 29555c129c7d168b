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

    /** {@code docker compose down}: removes containers and networks, keeps named volumes. */
    void down();

    /** {@code docker compose down -v}: the project's named volumes go too (their data is lost). */
    void downRemovingVolumes();

    @Override
    void close();
}
