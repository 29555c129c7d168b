package dev.berth.core.internal.compose;

import dev.berth.ComposeProject;
import dev.berth.InvalidSpecException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A loaded project: the normalized tree (with marks, for errors found later) behind {@link ComposeProject}. */
public final class LoadedProject implements ComposeProject {
    private final String name;
    private final YNode.Map tree;
    private final List<Path> files;
    private final Path workingDirectory;
    private final Map<String, String> env;
    private final Map<String, YNode.Seq> envFiles;

    LoadedProject(String name, YNode.Map tree, List<Path> files, Path workingDirectory, Map<String, String> env,
            Map<String, YNode.Seq> envFiles) {
        this.envFiles = Map.copyOf(envFiles);
        this.name = name;
        this.tree = tree;
        this.files = List.copyOf(files);
        this.workingDirectory = workingDirectory;
        this.env = Map.copyOf(env.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Path> files() {
        return files;
    }

    @Override
    public Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public List<String> services() {
        return serviceNodes().entries().keySet().stream().sorted().toList();
    }

    @Override
    public String toJson() {
        return JsonWriter.write(tree, 2);
    }

    @Override
    public String serviceJson(String service) {
        return JsonWriter.write(service(service), 0);
    }

    /** True when the service read env files (their values are in its environment; the entries are not). */
    boolean readEnvFiles(String service) {
        return envFiles.containsKey(service);
    }

    /**
     * Compose's {@code com.docker.compose.config-hash} of an active service, as {@code docker compose up} labels
     * its containers. ({@code docker compose config --hash} differs for services with {@code env_file}: it hashes
     * without resolving them; {@code up} hashes the resolved environment. Berth follows {@code up}.)
     */
    public String configHash(String service) {
        return ConfigHash.of(service(service));
    }

    /** The normalized tree: read by {@link ModelReader} for the typed model. */
    YNode.Map tree() {
        return tree;
    }

    YNode.Map serviceNodes() {
        return (YNode.Map) tree.get("services");
    }

    YNode.Map service(String service) {
        if (!(serviceNodes().get(service) instanceof YNode.Map node)) {
            throw new InvalidSpecException("service", service, "project " + name + " has no active service of"
                    + " that name", "use one of " + services());
        }
        return node;
    }

    /** The variables the project was interpolated with. */
    public Map<String, String> env() {
        return env;
    }

    @Override
    public String toString() {
        return "ComposeProject " + name + " " + services();
    }
}
