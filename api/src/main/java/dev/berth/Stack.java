package dev.berth;

import java.util.List;

/** A running compose application. {@link #close()} is {@code docker compose down} (named volumes are kept). */
public interface Stack extends AutoCloseable {
    /**
     * The project name ({@code docker compose -p NAME}).
     *
     * @return the name
     */
    String name();

    /**
     * {@code docker compose ps -a}: the project's containers, stopped ones too.
     *
     * @return one summary per container
     */
    List<ContainerSummary> ps();

    /**
     * The container of a service ({@code docker compose ps SERVICE}).
     *
     * @param service the service name in the compose file
     * @return its container
     * @throws ContainerNotFoundException when the project has no container for that service
     */
    Container service(String service);

    /** {@code docker compose down}: removes containers and networks, keeps named volumes. */
    void down();

    /** {@code docker compose down -v}: the project's named volumes go too (their data is lost). */
    void downRemovingVolumes();

    /** {@code docker compose down}, as {@link #down()}: named volumes stay. */
    @Override
    void close();
}
