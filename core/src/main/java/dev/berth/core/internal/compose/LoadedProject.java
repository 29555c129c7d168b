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

    LoadedProject(String name, YNode.Map tree, List<Path> files, Path workingDirectory, Map<String, String> env) {
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
