package dev.berth;

import java.util.List;
import java.util.Optional;

/** {@code docker run / create / ps} and lookups. */
public interface Containers {
    /**
     * {@code docker run -d}: pulls per the spec's policy, creates, starts, and waits for the spec's waits. If any
     * step fails the container is removed again and the error says why.
     */
    Container run(ContainerSpec spec);

    /** {@code docker create}: pulls if needed and creates, without starting. */
    Container create(ContainerSpec spec);

    /** By id, id prefix or name; {@link ContainerNotFoundException} when there is none. */
    Container get(String idOrName);

    Optional<Container> find(String idOrName);

    /** Running containers, like {@code docker ps}. */
    List<ContainerSummary> list();

    List<ContainerSummary> list(ContainerFilter filter);

    /** {@code docker container prune}: removes stopped containers the filter selects; the report lists them. */
    PruneReport prune(Filter filter);
}
