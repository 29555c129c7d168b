package dev.berth.core.internal.builder;

import dev.berth.BuildContext;
import dev.berth.core.internal.archive.FileModes;
import dev.berth.core.internal.archive.TarWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * Writes a build context as tar, straight to the engine: files are streamed one by one (bounded memory, no temp
 * file), ignored directories are not even walked, and the Dockerfile and .dockerignore are always sent.
 */
final class ContextArchiver {
    private final BuildContext context;
    private final Map<String, BuildContext.MemoryFile> extra;
    private final String dockerfileName;

    /**
     * @param extra files added on top (e.g. a generated Dockerfile), winning over directory and in-memory files
     * @param dockerfileName the Dockerfile's path in the context (always sent)
     */
    ContextArchiver(BuildContext context, Map<String, BuildContext.MemoryFile> extra, String dockerfileName) {
        this.context = context;
        this.extra = extra;
        this.dockerfileName = dockerfileName;
    }

    /** Counts for the benchmark and the log. */
    record Stats(long files, long bytes, long skippedDirectories) {
    }

    Stats write(TarWriter tar) throws IOException {
        long[] counts = new long[3];
        Path dir = context.directory();
        if (dir != null) {
            DockerIgnore ignore = readIgnore(dir);
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path path, BasicFileAttributes attrs) throws IOException {
                    if (path.equals(dir)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String name = relative(dir, path);
                    if (ignore.canSkipDirectory(name)) {
                        counts[2]++;
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (!ignore.excludes(name)) {
                        tar.directory(name, FileModes.of(path, 0755), attrs.lastModifiedTime().toMillis() / 1000);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path path, BasicFileAttributes attrs) throws IOException {
                    String name = relative(dir, path);
                    if (overridden(name) || ignore.excludes(name) && !alwaysSent(name)) {
                        return FileVisitResult.CONTINUE;
                    }
                    long mtime = attrs.lastModifiedTime().toMillis() / 1000;
                    if (attrs.isSymbolicLink()) {
                        tar.symlink(name, Files.readSymbolicLink(path).toString(), mtime);
                    } else if (attrs.isRegularFile()) {
                        try (InputStream in = Files.newInputStream(path)) {
                            tar.file(name, FileModes.of(path, 0644), mtime, attrs.size(), in);
                        }
                        counts[0]++;
                        counts[1] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        long now = System.currentTimeMillis() / 1000;
        for (var file : context.files().entrySet()) {
            if (!extra.containsKey(file.getKey())) {
                tar.file(file.getKey(), file.getValue().mode(), now, file.getValue().content());
                counts[0]++;
                counts[1] += file.getValue().content().length;
            }
        }
        for (var file : extra.entrySet()) {
            tar.file(file.getKey(), file.getValue().mode(), now, file.getValue().content());
            counts[0]++;
        }
        return new Stats(counts[0], counts[1], counts[2]);
    }

    private boolean overridden(String name) {
        return extra.containsKey(name) || context.files().containsKey(name);
    }

    private boolean alwaysSent(String name) {
        return name.equals(dockerfileName) || name.equals(".dockerignore");
    }

    private static DockerIgnore readIgnore(Path dir) throws IOException {
        Path file = dir.resolve(".dockerignore");
        return Files.isRegularFile(file) ? DockerIgnore.parse(Files.readString(file, StandardCharsets.UTF_8))
                : DockerIgnore.none();
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
