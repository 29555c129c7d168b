package dev.berth;

import java.nio.file.Path;
import java.util.List;

/**
 * A compose project as {@code docker compose config} sees it: files merged, variables interpolated, {@code extends}
 * and {@code include} resolved, profiles applied, checked and normalized. Made by {@link StackSpec#load()} without
 * an engine. Immutable.
 */
public interface ComposeProject {
    /**
     * The project name ({@code -p}, the file's {@code name:}, {@code COMPOSE_PROJECT_NAME}, or the directory).
     *
     * @return the name
     */
    String name();

    /**
     * The compose files, absolute, in the order they were merged.
     *
     * @return the files
     */
    List<Path> files();

    /**
     * The project directory: relative paths in the files start here.
     *
     * @return the directory
     */
    Path workingDirectory();

    /**
     * The services that are active (profiles applied), by name, sorted.
     *
     * @return the service names
     */
    List<String> services();

    /**
     * The whole project in the shape of {@code docker compose config --format json}.
     *
     * @return JSON text
     */
    String toJson();

    /**
     * One service's normalized configuration as JSON (the service's entry in {@link #toJson()}).
     *
     * @throws InvalidSpecException if the project has no such active service
     *
     * @param service the service name
     * @return JSON text
     * @throws InvalidSpecException when the project has no active service of that name
     */
    String serviceJson(String service);
}
