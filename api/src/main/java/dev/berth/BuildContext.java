package dev.berth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a build sees: a directory (filtered by its {@code .dockerignore}), in-memory files, or both (in-memory files
 * win). Immutable.
 */
public final class BuildContext {
    /** A file held in memory. */
    public record MemoryFile(byte[] content, int mode) {
    }

    private final Path directory;
    private final Map<String, MemoryFile> files;

    private BuildContext(Path directory, Map<String, MemoryFile> files) {
        this.directory = directory;
        this.files = Map.copyOf(files);
    }

    /**
     * A context with no files ({@code docker build - < Dockerfile}).
     *
     * @return the empty context
     */
    public static BuildContext empty() {
        return new BuildContext(null, Map.of());
    }

    /**
     * {@code docker build DIR}: a directory, filtered by its {@code .dockerignore}.
     *
     * @param dir the directory
     * @return the context
     */
    public static BuildContext directory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidSpecException("build context", dir, "the context must be an existing directory",
                    "pass the directory that holds your Dockerfile and sources");
        }
        return new BuildContext(dir.toAbsolutePath().normalize(), Map.of());
    }

    /**
     * A text file (UTF-8, mode 0644) held in memory.
     *
     * @param path its path in the context
     * @param content its text
     * @return a new value; this one is unchanged
     */
    public BuildContext file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8), 0644);
    }

    /**
     * A file held in memory.
     *
     * @param path its path in the context
     * @param content its bytes
     * @param mode its permission bits, e.g. 0755
     * @return a new value; this one is unchanged
     */
    public BuildContext file(String path, byte[] content, int mode) {
        String clean = Validation.notBlank("context path", path, "name the file, e.g. \"app.py\"");
        if (clean.startsWith("/") || clean.contains("..")) {
            throw new InvalidSpecException("context path", path, "a context path is relative and stays inside",
                    "write it like \"src/app.py\"");
        }
        var copy = new LinkedHashMap<>(files);
        copy.put(clean, new MemoryFile(content.clone(), mode));
        return new BuildContext(directory, copy);
    }

    /**
     * A class path resource (e.g. from src/test/resources) as a context file.
     *
     * @param resource the class path resource name
     * @param path its path in the context
     * @return a new value; this one is unchanged
     * @throws InvalidSpecException when the resource is not on the class path
     */
    public BuildContext resource(String resource, String path) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource.startsWith("/") ? resource.substring(1) : resource)) {
            if (in == null) {
                throw new InvalidSpecException("class path resource", resource, "it is not on the class path",
                        "check the resource name (relative to the class path root)");
            }
            return file(path, in.readAllBytes(), 0644);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The directory part.
     *
     * @return the directory, or null for an in-memory context
     */
    public Path directory() {
        return directory;
    }

    /**
     * The in-memory files, by context path.
     *
     * @return the files
     */
    public Map<String, MemoryFile> files() {
        return files;
    }

    @Override
    public String toString() {
        return "BuildContext[" + (directory == null ? "" : directory + " ") + files.keySet() + "]";
    }
}
