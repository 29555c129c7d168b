package dev.berth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * A compose application: its files (later ones override earlier ones, as with several {@code -f}), the project
 * name (default: the file's {@code name:}, else the first file's directory name, as {@code docker compose} does),
 * variables and profiles. {@link #load()} reads it without an engine; {@code docker.stacks().up(spec)} brings it up.
 * Immutable.
 */
public record StackSpec(List<Path> files, String projectName, Map<String, String> env, List<Path> envFiles,
        Set<String> profiles) {
    /**
     * Checks the values and copies the collections, so the value cannot change.
     *
     * @param files see {@link #files()}
     * @param projectName see {@link #projectName()}
     * @param env see {@link #env()}
     * @param envFiles see {@link #envFiles()}
     * @param profiles see {@link #profiles()}
     * @throws InvalidSpecException when a value breaks its rule
     */
    public StackSpec {
        if (files == null || files.isEmpty()) {
            throw new InvalidSpecException("compose files", files, "at least one compose file is needed",
                    "pass the path of your docker-compose.yml");
        }
        List<Path> absolute = new ArrayList<>();
        for (Path file : files) {
            if (file == null || !Files.isRegularFile(file)) {
                throw new InvalidSpecException("compose file", file, "the file does not exist",
                        "pass the path of your docker-compose.yml");
            }
            absolute.add(file.toAbsolutePath().normalize());
        }
        files = List.copyOf(absolute);
        if (projectName != null && !projectName.matches("[a-z0-9][a-z0-9_-]*")) {
            throw new InvalidSpecException("project name", projectName,
                    "a project name is lowercase letters, digits, '_' and '-', starting with a letter or digit",
                    "e.g. \"shop\" or \"shop-test\"");
        }
        env = Map.copyOf(env == null ? Map.of() : env);
        envFiles = List.copyOf(envFiles == null ? List.of() : envFiles);
        profiles = Set.copyOf(profiles == null ? Set.of() : profiles);
    }

    /**
     * {@code docker compose -f FILE [-f OVERRIDE ...]}: later files override earlier ones.
     *
     * @param files one or more compose files
     * @return the spec
     * @throws InvalidSpecException when there is no file or one does not exist
     */
    public static StackSpec fromCompose(Path... files) {
        return new StackSpec(List.of(files), null, Map.of(), List.of(), Set.of());
    }

    /**
     * The first compose file (its directory is the project directory).
     *
     * @return the first file
     */
    public Path composeFile() {
        return files.get(0);
    }

    /**
     * {@code docker compose -p NAME}.
     *
     * @param name the project name
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is not a valid compose project name
     */
    public StackSpec projectName(String name) {
        return new StackSpec(files, name, env, envFiles, profiles);
    }

    /**
     * Variables for interpolation, over the process environment and the {@code .env} file.
     *
     * @param variables names and values
     * @return a new spec; this one is unchanged
     */
    public StackSpec env(Map<String, String> variables) {
        Map<String, String> merged = new LinkedHashMap<>(env);
        merged.putAll(variables);
        return new StackSpec(files, projectName, merged, envFiles, profiles);
    }

    /**
     * One variable for interpolation.
     *
     * @param name the variable
     * @param value its value
     * @return a new spec; this one is unchanged
     */
    public StackSpec env(String name, String value) {
        return env(Map.of(name, value));
    }

    /**
     * {@code docker compose --env-file FILE}: read instead of the project directory's {@code .env}.
     *
     * @param file the env file
     * @return a new spec; this one is unchanged
     */
    public StackSpec envFile(Path file) {
        List<Path> files2 = new ArrayList<>(envFiles);
        files2.add(file.toAbsolutePath().normalize());
        return new StackSpec(files, projectName, env, files2, profiles);
    }

    /**
     * {@code docker compose --profile P ...}: services with these profiles are active too.
     *
     * @param names profile names
     * @return a new spec; this one is unchanged
     */
    public StackSpec profiles(String... names) {
        Set<String> all = new LinkedHashSet<>(profiles);
        all.addAll(List.of(names));
        return new StackSpec(files, projectName, env, envFiles, all);
    }

    /**
     * {@code docker compose config}: reads, merges, interpolates, resolves extends/include, applies profiles,
     * checks and normalizes, without an engine.
     *
     * @throws InvalidComposeFileException naming file:line:column, the key path and a fix
     *
     * @return the loaded project
     * @throws InvalidComposeFileException when a file is invalid (file:line:column)
     */
    public ComposeProject load() {
        for (dev.berth.spi.ComposeLoaderProvider provider
                : ServiceLoader.load(dev.berth.spi.ComposeLoaderProvider.class)) {
            return provider.load(this, System.getenv());
        }
        throw new DockerException("No compose loader found: add berth-core to the class path.");
    }

    /**
     * The name Compose would use when none is given: the directory name, lowercased, other characters dropped.
     *
     * @param composeFile the compose file
     * @return the project name Compose would use
     */
    public static String defaultProjectName(Path composeFile) {
        Path dir = composeFile.toAbsolutePath().getParent();
        String raw = dir == null || dir.getFileName() == null ? "default" : dir.getFileName().toString();
        String name = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
        return name.isEmpty() || !Character.isLetterOrDigit(name.charAt(0)) ? "default" : name;
    }

    @Override
    public String toString() {
        return "StackSpec" + files + (projectName == null ? "" : " -p " + projectName)
                + (profiles.isEmpty() ? "" : " profiles " + profiles) + (env.isEmpty() ? "" : " env " + env.keySet());
    }
}
