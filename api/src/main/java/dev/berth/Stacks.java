package dev.berth;

/** {@code docker compose up / down} for compose files. */
public interface Stacks {
    /**
     * {@code docker compose up -d}: checks the file (errors name file:line:column), creates networks and volumes,
     * builds images that have a {@code build} section, and starts services in dependency order (independent ones
     * side by side, waiting for {@code service_healthy} / {@code service_completed_successfully} where asked). If any
     * step fails, everything created is removed again. Options: {@link UpOption#waitUntilReady} ({@code --wait}),
     * {@link UpOption#removeOrphans} ({@code --remove-orphans}).
     */
    Stack up(StackSpec spec, UpOption... options);

    /** A handle on a project that is up (e.g. started by an earlier run), by name. */
    Stack get(String projectName);
}
