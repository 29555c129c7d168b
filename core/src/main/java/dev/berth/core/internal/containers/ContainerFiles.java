package dev.berth.core.internal.containers;

import dev.berth.ContainerNotFoundException;
import dev.berth.DockerException;
import dev.berth.core.internal.archive.FileModes;
import dev.berth.core.internal.archive.TarExtractor;
import dev.berth.core.internal.archive.TarReader;
import dev.berth.core.internal.archive.TarWriter;
import dev.berth.core.internal.engine.Engine;
import dev.berth.core.internal.engine.Failures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/** {@code docker cp} in both directions. Archives are streamed through a pipe, never held whole in memory. */
final class ContainerFiles {
    private static final int PIPE_BUFFER = 64 * 1024;

    private ContainerFiles() {
    }

    interface TarContent {
        void writeTo(TarWriter tar) throws IOException;
    }

    /**
     * Like {@code docker cp} (without -L): symbolic links are archived as links, never followed, so a link to a file
     * outside the copied directory does not carry that file into the container.
     */
    static void copyIn(EngineContainer container, Path hostPath, String containerDir) {
        Arguments.required("host path", hostPath, "pass the file or directory to copy");
        Arguments.absolute("container directory", containerDir);
        if (!Files.exists(hostPath, LinkOption.NOFOLLOW_LINKS)) {
            throw new dev.berth.NotFoundException("Cannot copy " + hostPath + " into " + container.label()
                    + ": the host path does not exist.");
        }
        Path base = hostPath.toAbsolutePath().normalize();
        Path root = base.getParent() == null ? base : base.getParent();
        upload(container, containerDir, tar -> {
            try (Stream<Path> walk = Files.walk(base)) {
                for (Path path : (Iterable<Path>) walk::iterator) {
                    String name = root.relativize(path).toString().replace('\\', '/');
                    long mtime = Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toMillis() / 1000;
                    if (Files.isSymbolicLink(path)) {
                        tar.symlink(name, Files.readSymbolicLink(path).toString().replace('\\', '/'), mtime);
                    } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                        tar.directory(name, FileModes.of(path, 0755), mtime);
                    } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                        try (InputStream in = Files.newInputStream(path)) {
                            tar.file(name, FileModes.of(path, 0644), mtime, Files.size(path), in);
                        }
                    }
                }
            }
        });
    }

    static void copyIn(EngineContainer container, byte[] content, String containerPath, int mode) {
        Arguments.required("content", content, "pass the bytes to write (new byte[0] for an empty file)");
        Arguments.absolute("container path", containerPath);
        if (mode < 0 || mode > 07777) {
            throw new dev.berth.InvalidSpecException("file mode", Integer.toOctalString(mode),
                    "a mode is an octal permission from 0 to 07777", "write it in octal, e.g. 0644");
        }
        int slash = containerPath.lastIndexOf('/');
        if (slash < 0 || slash == containerPath.length() - 1) {
            throw new dev.berth.InvalidSpecException("container file path", containerPath,
                    "the target must be an absolute path to a file", "e.g. \"/etc/app/config.yml\"");
        }
        String dir = slash == 0 ? "/" : containerPath.substring(0, slash);
        String name = containerPath.substring(slash + 1);
        upload(container, dir, tar -> tar.file(name, mode, System.currentTimeMillis() / 1000, content));
    }

    private static void upload(EngineContainer container, String containerDir, TarContent content) {
        PipedInputStream pipeIn = new PipedInputStream(PIPE_BUFFER);
        Future<?> writer;
        try {
            PipedOutputStream pipeOut = new PipedOutputStream(pipeIn);
            writer = container.engine().background().submit(() -> {
                try (pipeOut; TarWriter tar = new TarWriter(pipeOut)) {
                    content.writeTo(tar);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Engine engine = container.engine();
        try (pipeIn) {
            engine.run("copy into " + container.label(), () -> engine.streamingClient()
                    .copyArchiveToContainerCmd(container.id())
                    .withRemotePath(containerDir)
                    .withTarInputStream(pipeIn)
                    .exec(), Failures.on(404, f -> missing(container, containerDir, f)));
            writer.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new DockerException("Archiving files for " + container.label() + " failed: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException("Interrupted while copying into " + container.label(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            writer.cancel(true);
            throw e;
        }
    }

    /** Like {@code docker cp}: links stay links; nothing is written outside {@code hostDir} (see TarExtractor). */
    static void copyOut(EngineContainer container, String containerPath, Path hostDir) {
        Arguments.absolute("container path", containerPath);
        Arguments.required("host directory", hostDir, "pass the directory to copy into");
        try (InputStream archive = download(container, containerPath)) {
            new TarExtractor(hostDir, container.label()).extract(archive);
        } catch (IOException e) {
            throw new UncheckedIOException("Copying " + containerPath + " out of " + container.label() + " failed", e);
        }
    }

    static void copyOut(EngineContainer container, String containerPath, OutputStream target) {
        Arguments.absolute("container path", containerPath);
        Arguments.required("target stream", target, "pass the stream to write the file to");
        try (InputStream archive = download(container, containerPath)) {
            TarReader reader = new TarReader(archive);
            TarReader.Entry entry = reader.next();
            if (entry == null || !entry.isFile()) {
                throw new dev.berth.InvalidSpecException("container file", containerPath,
                        "it is " + (entry == null ? "empty" : entry.isSymlink()
                                ? "a symbolic link to " + entry.linkTarget() : "not a regular file"),
                        entry != null && entry.isSymlink() ? "read the link's target path instead"
                                : "copy directories with copyOut(path, hostDirectory)");
            }
            reader.content().transferTo(target);
        } catch (IOException e) {
            throw new UncheckedIOException("Copying " + containerPath + " out of " + container.label() + " failed", e);
        }
    }

    private static InputStream download(EngineContainer container, String containerPath) {
        Engine engine = container.engine();
        return engine.call("copy out of " + container.label(),
                () -> engine.streamingClient().copyArchiveFromContainerCmd(container.id(), containerPath).exec(),
                Failures.on(404, f -> missing(container, containerPath, f)));
    }

    /** A 404 on copy: the container is gone, or the path is not there. */
    private static RuntimeException missing(EngineContainer container, String path, Failures.Failure f) {
        String message = f.message();
        RuntimeException e = f.cause();
        if (message.contains("No such container")) {
            return new ContainerNotFoundException(container.label(), e);
        }
        return new dev.berth.NotFoundException("No such path " + path + " in container " + container.label()
                + " (engine: " + message + "). Create the directory first, e.g. exec(\"mkdir\", \"-p\", dir).", e);
    }
}
