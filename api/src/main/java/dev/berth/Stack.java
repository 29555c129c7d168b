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
     *
     * @return one row per container
     */
    List<ServiceContainer> containers();

    /**
     * {@code docker compose logs}: every service container's output so far, merged in time order, each line
     * prefixed with {@code service-N | } (names padded to the same width), as Compose prints it.
     *
     * @return the lines
     */
    List<String> logs();

    /**
     * {@code docker compose logs -f}: prefixed lines as they come; close the follow to stop.
     *
     * @param lines receives each line
     * @return the follow; close it to stop
     */
    LogFollow followLogs(java.util.function.Consumer<String> lines);

    /**
     * {@code docker compose exec SERVICE CMD...}: in the service's first replica.
     *
     * @param service the service name in the compose file
     * @param command the command and its arguments
     * @return the exit code and output
     * @throws ContainerNotFoundException when the project has no container for that service
     */
    ExecResult exec(String service, String... command);

    /**
     * {@code docker compose stop [SERVICE...]}: gracefully, dependents first; all services when none is named.
     *
     * @param services the services, none for all
     */
    void stop(String... services);

    /**
     * {@code docker compose start [SERVICE...]}: dependencies first; all services when none is named.
     *
     * @param services the services, none for all
     */
    void start(String... services);

    /**
     * {@code docker compose restart [SERVICE...]}: dependencies first; all services when none is named.
     *
     * @param services the services, none for all
     */
    void restart(String... services);

    /** {@code docker compose down}, as {@link #down()}: named volumes stay. */
    @Override
    void close();
}
