package dev.berth;

/** {@code docker compose up / down} for compose files. */
public interface Stacks {
    /**
     * {@code docker compose up -d}: checks the file (errors name file:line:column), creates networks and volumes,
     * builds images that have a {@code build} section, and starts services in dependency order (independent ones
     * side by side, waiting for {@code service_healthy} / {@code service_completed_successfully} where asked). If any
     * step fails, everything created is removed again. Options: {@link UpOption#waitUntilReady} ({@code --wait}),
     * {@link UpOption#removeOrphans} ({@code --remove-orphans}).
     *
     * @param spec the compose file(s), project name and environment
     * @param options {@link UpOption#waitUntilReady} and/or {@link UpOption#removeOrphans}, none for plain {@code up -d}
     * @return the running project; close it for {@code docker compose down}
     * @throws InvalidComposeFileException when the file is invalid or uses a key Berth does not support
     * @throws ContainerStartupException when a service fails to start or to become healthy ({@link StackNotReadyException}
     *     with {@link UpOption#waitUntilReady})
     * @throws DockerException for any other engine failure
     */
    Stack up(StackSpec spec, UpOption... options);

    /**
     * {@code docker compose pull}: the images of the services that have no {@code build} section, side by side; a
     * service with {@code platform:} gets its image for that platform.
     *
     * @param spec the compose file(s)
     * @throws InvalidComposeFileException when the file is invalid
     * @throws ImagePullException when an image cannot be pulled, or the registry has it only for another platform
     *     than the service's {@code platform:} (the message names service, image and platform)
     */
    void pull(StackSpec spec);

    /**
     * {@code docker compose build}: the images of the services that have a {@code build} section.
     *
     * @param spec the compose file(s)
     * @throws InvalidComposeFileException when the file is invalid
     * @throws BuildFailedException when a build fails
     */
    void build(StackSpec spec);

    /**
     * {@code docker compose run --rm SERVICE [CMD...]}: as {@link #run(StackSpec, OneOffSpec)} with
     * {@code OneOffSpec.of(service).command(command)} (no command keeps the file's): the service's dependencies are
     * started first, the one-off is removed after it ended.
     *
     * @param spec the compose file(s) and project name
     * @param service the service to run
     * @param command the command, none for the file's
     * @return the exit code and output
     * @throws InvalidComposeFileException when the file is invalid
     * @throws InvalidSpecException when the file has no such service
     * @throws StackNotReadyException when a dependency does not meet its {@code depends_on} condition
     */
    ExecResult run(StackSpec spec, String service, String... command);

    /**
     * {@code docker compose run [--no-deps] [--rm] SERVICE [CMD...]}: first, unless {@link OneOffSpec#noDeps()},
     * the service's dependencies (and theirs) are brought up as {@link #up} does and its own {@code depends_on}
     * conditions awaited ({@code service_started}, {@code service_healthy}, {@code service_completed_successfully}).
     * Then a one-off container of the service runs to its end (at most an hour), named as Compose names it
     * ({@code PROJECT-SERVICE-run-<12 hex>}, even when the service has a {@code container_name}), labelled
     * {@code com.docker.compose.oneoff=True} with a {@code com.docker.compose.slug} and no replica number, on the
     * project's networks without the service's aliases, with no published ports and no restart policy. It is removed
     * afterwards unless {@link OneOffSpec#keepContainer()}. The dependencies stay up (take them down with the stack's
     * {@code down()}). The result's stdout and stderr are the output lines joined with newlines (no trailing one).
     *
     * @param spec the compose file(s) and project name
     * @param oneOff the service, command and options
     * @return the exit code and output
     * @throws InvalidComposeFileException when the file is invalid
     * @throws InvalidSpecException when the file has no such service or {@code oneOff} is null
     * @throws StackNotReadyException when a dependency does not meet its {@code depends_on} condition
     */
    ExecResult run(StackSpec spec, OneOffSpec oneOff);

    /**
     * A handle on a project that is up (e.g. started by an earlier run), by name: what {@code docker compose -p
     * NAME ps} shows.
     *
     * @param projectName the compose project name
     * @return the project; no engine call until it is used (a name with no containers gives an empty
     *     {@link Stack#ps()})
     */
    Stack get(String projectName);

    /**
     * {@code docker stack deploy -c FILE NAME}: the compose file's services as swarm services (with {@code deploy:}
     * replicas, mode, resources, restart/update/rollback config, placement, endpoint mode, labels), its networks as
     * overlay networks, its secrets and configs as swarm objects, labelled as the CLI labels them. Deploying again
     * updates only the services whose spec changed and removes nothing. The name is the spec's project name.
     *
     * @param spec the compose file(s) and the stack name (project name)
     * @return the stack; its services may still be starting ({@link DeployedStack#awaitConverged})
     * @throws InvalidComposeFileException when the file is invalid or uses a key Berth does not support
     * @throws NotInSwarmException when this engine is not a swarm manager
     */
    DeployedStack deploy(StackSpec spec);

    /**
     * A stack deployed by anyone (Berth or {@code docker stack deploy}), by name.
     *
     * @param stackName the stack name
     * @return the stack
     * @throws NotFoundException when no service carries that stack name
     */
    DeployedStack deployed(String stackName);

    /**
     * {@code docker stack ls}: names of the swarm stacks on this engine.
     *
     * @return the names
     * @throws NotInSwarmException when this engine is not a swarm manager
     */
    java.util.List<String> deployedNames();
}
