package dev.berth;

import java.util.List;
import java.util.Objects;

/**
 * What {@code docker compose run [--no-deps] [--rm] SERVICE [CMD...]} runs, for
 * {@code docker.stacks().run(spec, oneOff)}: a one-off container of a service. By default its dependencies are
 * started first (and their {@code depends_on} conditions awaited) and the container is removed after it ended, as
 * with {@code --rm}. Immutable: each call returns a new value.
 *
 * <pre>{@code
 * docker.stacks().run(spec, OneOffSpec.of("migrate").command("flyway", "migrate"));
 * docker.stacks().run(spec, OneOffSpec.of("tool").noDeps().keepContainer());
 * }</pre>
 */
public final class OneOffSpec {
    private final String service;
    private final List<String> command;
    private final boolean startDependencies;
    private final boolean removeContainer;

    private OneOffSpec(String service, List<String> command, boolean startDependencies, boolean removeContainer) {
        this.service = service;
        this.command = command;
        this.startDependencies = startDependencies;
        this.removeContainer = removeContainer;
    }

    /**
     * A one-off of a service with the file's command, its dependencies started, removed after it ended.
     *
     * @param service the service name in the compose file
     * @return the spec
     * @throws InvalidSpecException when the name is null or blank
     */
    public static OneOffSpec of(String service) {
        Validation.notBlank("service", service, "name a service of the compose file, e.g. OneOffSpec.of(\"web\")");
        return new OneOffSpec(service, List.of(), true, true);
    }

    /**
     * {@code docker compose run SERVICE CMD...}: the command instead of the file's.
     *
     * @param command the program and its arguments
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when there is no program or a word is null
     */
    public OneOffSpec command(String... command) {
        return new OneOffSpec(service, Validation.command("command", command, "command(\"sh\", \"-c\", \"echo hi\")"),
                startDependencies, removeContainer);
    }

    /**
     * {@code --no-deps}: the service's dependencies are neither started nor awaited.
     *
     * @return a new spec; this one is unchanged
     */
    public OneOffSpec noDeps() {
        return new OneOffSpec(service, command, false, removeContainer);
    }

    /**
     * {@code docker compose run} without {@code --rm}: the ended container stays (listed by
     * {@link Stack#containers()} as a one-off; the stack's {@code down()} removes it).
     *
     * @return a new spec; this one is unchanged
     */
    public OneOffSpec keepContainer() {
        return new OneOffSpec(service, command, startDependencies, false);
    }

    /**
     * The service to run.
     *
     * @return the service name
     */
    public String service() {
        return service;
    }

    /**
     * The command given with {@link #command(String...)}.
     *
     * @return the words, empty to keep the file's command
     */
    public List<String> commandLine() {
        return command;
    }

    /**
     * Whether the dependencies are started first (false after {@link #noDeps()}).
     *
     * @return true unless {@code --no-deps}
     */
    public boolean startsDependencies() {
        return startDependencies;
    }

    /**
     * Whether the container is removed after it ended (false after {@link #keepContainer()}).
     *
     * @return true for {@code --rm}
     */
    public boolean removesContainer() {
        return removeContainer;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OneOffSpec other && service.equals(other.service) && command.equals(other.command)
                && startDependencies == other.startDependencies && removeContainer == other.removeContainer;
    }

    @Override
    public int hashCode() {
        return Objects.hash(service, command, startDependencies, removeContainer);
    }

    @Override
    public String toString() {
        return "OneOffSpec " + service + (command.isEmpty() ? "" : " " + command)
                + (startDependencies ? "" : " --no-deps") + (removeContainer ? " --rm" : "");
    }
}
