package dev.berth;

import java.util.List;
import java.util.Optional;

/** {@code docker run / create / ps} and lookups. */
public interface Containers {
    /**
     * {@code docker run -d}: pulls per the spec's policy, creates, starts, and waits for the spec's waits. If any
     * step fails the container is removed again and the error says why.
     *
     * @param spec what to run
     * @return the running (and, with waits, ready) container; close it to remove it
     * @throws ImagePullException when the image cannot be pulled
     * @throws NameConflictException when the spec's name is taken
     * @throws PortInUseException when a fixed host port is taken
     * @throws ContainerStartupException when it exits or fails a wait before it is ready (with its last logs)
     * @throws WaitTimeoutException when a wait does not succeed in time
     * @throws DockerException for any other engine failure
     */
    Container run(ContainerSpec spec);

    /**
     * {@code docker create}: pulls if needed and creates, without starting.
     *
     * @param spec what to create
     * @return the created container; {@link Container#start()} starts it
     * @throws ImagePullException when the image cannot be pulled
     * @throws NameConflictException when the spec's name is taken
     * @throws DockerException for any other engine failure
     */
    Container create(ContainerSpec spec);

    /**
     * {@code docker inspect}: a container by id, id prefix or name, also one Berth did not create.
     *
     * @param idOrName the container's id, a unique id prefix, or its name
     * @return a handle on it
     * @throws ContainerNotFoundException when there is none
     */
    Container get(String idOrName);

    /**
     * Like {@link #get(String)}, but empty instead of an exception when there is no such container.
     *
     * @param idOrName the container's id, a unique id prefix, or its name
     * @return the container, or empty
     */
    Optional<Container> find(String idOrName);

    /**
     * Running containers, like {@code docker ps}.
     *
     * @return one summary per running container, of every owner
     */
    List<ContainerSummary> list();

    /**
     * {@code docker ps} with filters ({@code -a}, {@code --filter label=…}, {@code name=…}, {@code status=…}).
     *
     * @param filter which containers; {@link ContainerFilter#all()} for {@code docker ps -a}
     * @return one summary per matching container
     */
    List<ContainerSummary> list(ContainerFilter filter);

    /**
     * {@code docker container prune}: removes stopped containers the filter selects; the report lists them.
     *
     * @param filter which stopped containers (e.g. by label); the engine never prunes running ones
     * @return what was removed and the space reclaimed
     */
    PruneReport prune(Filter filter);
}
