package dev.berth.core.internal;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.berth.BuildContext;
import dev.berth.BuildFailedException;
import dev.berth.BuildSpec;
import dev.berth.DockerException;
import dev.berth.InvalidSpecException;
import dev.berth.Progress;
import dev.berth.ProgressListener;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code docker build} (classic builder): streams the context, follows the output, reports a failed step. */
final class BuildRunner {
    private static final Logger LOG = LoggerFactory.getLogger("dev.berth.build");
    /** Generated or outside-the-context Dockerfiles travel under this name. */
    static final String GENERATED_DOCKERFILE = ".berth.Dockerfile";
    private static final int PIPE_BUFFER = 256 * 1024;
    private static final int TAIL_LINES = 30;
    private static final java.util.regex.Pattern LAYER = java.util.regex.Pattern.compile(" ---> [0-9a-f]{12,64}");

    private BuildRunner() {
    }

    /** Builds and returns the new image's id. */
    static String build(EngineDocker engine, BuildSpec spec) {
        Map<String, BuildContext.MemoryFile> extra = new LinkedHashMap<>();
        String dockerfile = dockerfileName(spec, extra);
        ContextArchiver archiver = new ContextArchiver(spec.context(), extra, dockerfile);
        PipedInputStream tarIn = new PipedInputStream(PIPE_BUFFER);
        Future<ContextArchiver.Stats> writer;
        try {
            PipedOutputStream tarOut = new PipedOutputStream(tarIn);
            writer = engine.background().submit(() -> {
                try (tarOut; TarWriter tar = new TarWriter(tarOut)) {
                    return archiver.write(tar);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        labels.putAll(engine.berthLabels());
        var cmd = engine.streamingClient().buildImageCmd(tarIn)
                .withDockerfilePath(dockerfile)
                .withLabels(labels)
                .withNoCache(spec.withoutCache())
                .withPull(spec.alwaysPull())
                .withRemove(true)
                .withForcerm(true);
        if (!spec.tags().isEmpty()) {
            cmd.withTags(new HashSet<>(spec.tags()));
        }
        spec.buildArgs().forEach(cmd::withBuildArg);
        if (spec.target() != null) {
            cmd.withTarget(spec.target());
        }
        ProgressListener listener = spec.progress() != null ? spec.progress() : BuildRunner::logSteps;
        BuildCallback callback = new BuildCallback(listener);
        try (tarIn) {
            cmd.exec(callback);
            if (!callback.awaitCompletion(60, TimeUnit.MINUTES)) {
                throw new DockerException("The build did not finish within 60 minutes");
            }
            ContextArchiver.Stats stats = writer.get();
            LOG.debug("Sent context: {} files, {} bytes, {} ignored directories skipped", stats.files(),
                    stats.bytes(), stats.skippedDirectories());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException("Interrupted while building", e);
        } catch (ExecutionException e) {
            if (callback.error != null) {
                throw failed(engine, callback);
            }
            throw new DockerException("Sending the build context failed: " + e.getCause().getMessage(), e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (callback.error != null) {
                throw failed(engine, callback);
            }
            throw EngineErrors.generic("build", e);
        } finally {
            writer.cancel(true);
            RawEngine.closeQuietly(callback);
        }
        if (callback.error != null) {
            throw failed(engine, callback);
        }
        if (callback.imageId == null) {
            throw new DockerException("The build ended without an image id. Output:\n" + String.join("\n", callback.tail));
        }
        return callback.imageId;
    }

    /** A failed build leaves nothing behind: the layers it made are removed, newest first. */
    private static BuildFailedException failed(EngineDocker engine, BuildCallback callback) {
        List<String> layers = new java.util.ArrayList<>(callback.createdLayers());
        java.util.Collections.reverse(layers);
        for (String layer : layers) {
            try {
                engine.images().remove(layer, false, false);
            } catch (RuntimeException stillInUse) {
                LOG.debug("Could not remove layer {} of the failed build: {}", layer, stillInUse.getMessage());
            }
        }
        return callback.failure();
    }

    private static String dockerfileName(BuildSpec spec, Map<String, BuildContext.MemoryFile> extra) {
        if (spec.dockerfile() != null) {
            extra.put(GENERATED_DOCKERFILE, new BuildContext.MemoryFile(
                    spec.dockerfile().toString().getBytes(StandardCharsets.UTF_8), 0644));
            return GENERATED_DOCKERFILE;
        }
        Path dir = spec.context().directory();
        if (spec.dockerfilePath() != null) {
            Path file = spec.dockerfilePath().toAbsolutePath().normalize();
            if (dir != null && file.startsWith(dir)) {
                return dir.relativize(file).toString().replace('\\', '/');
            }
            try {
                extra.put(GENERATED_DOCKERFILE, new BuildContext.MemoryFile(Files.readAllBytes(file), 0644));
            } catch (IOException e) {
                throw new InvalidSpecException("Dockerfile", file, "it cannot be read: " + e.getMessage(),
                        "check the path passed to dockerfile(...)");
            }
            return GENERATED_DOCKERFILE;
        }
        boolean present = spec.context().files().containsKey("Dockerfile")
                || dir != null && Files.isRegularFile(dir.resolve("Dockerfile"));
        if (!present) {
            throw new InvalidSpecException("build context", spec.context(), "it has no Dockerfile",
                    "add one to the directory, or pass dockerfile(path) or a Dockerfile value");
        }
        return "Dockerfile";
    }

    private static void logSteps(Progress progress) {
        if (progress.status().startsWith("Step ")) {
            LOG.info(progress.status());
        }
    }

    /** Collects the output tail, the current step, the image id and the first error. */
    private static final class BuildCallback extends ResultCallback.Adapter<BuildResponseItem> {
        private final ProgressListener listener;
        private final Deque<String> tail = new ArrayDeque<>();
        private final StringBuilder partial = new StringBuilder();
        /** Layers this build made (not taken from the cache): removed again if the build fails. */
        private final List<String> created = new java.util.ArrayList<>();
        private boolean stepFromCache;
        volatile String error;
        volatile String step;
        volatile String imageId;

        BuildCallback(ProgressListener listener) {
            this.listener = listener;
        }

        @Override
        public void onNext(BuildResponseItem item) {
            if (item.getErrorDetail() != null || item.getError() != null) {
                if (error == null) {
                    error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                            ? item.getErrorDetail().getMessage() : item.getError();
                }
                return;
            }
            if (item.getImageId() != null) {
                imageId = item.getImageId();
            }
            if (item.getStream() != null) {
                lines(item.getStream());
            }
        }

        private synchronized void lines(String text) {
            partial.append(text);
            int newline;
            while ((newline = partial.indexOf("\n")) >= 0) {
                String line = partial.substring(0, newline).stripTrailing();
                partial.delete(0, newline + 1);
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("Step ")) {
                    int colon = line.indexOf(" : ");
                    step = colon > 0 ? line.substring(colon + 3) : line;
                    stepFromCache = false;
                } else if (line.equals(" ---> Using cache")) {
                    stepFromCache = true;
                } else if (LAYER.matcher(line).matches() && !stepFromCache) {
                    created.add(line.substring(" ---> ".length()));
                }
                if (line.startsWith("Successfully built ") && imageId == null) {
                    imageId = line.substring("Successfully built ".length()).strip();
                }
                tail.addLast(line);
                if (tail.size() > TAIL_LINES) {
                    tail.removeFirst();
                }
                listener.onProgress(new Progress("build", line, 0, 0, 0, 0));
            }
        }

        @Override
        public void onError(Throwable throwable) {
            if (error == null) {
                error = EngineErrors.message(throwable);
            }
            RawEngine.closeQuietly(this);
        }

        synchronized BuildFailedException failure() {
            return new BuildFailedException(step, error, List.copyOf(tail));
        }

        synchronized List<String> createdLayers() {
            return List.copyOf(created);
        }
    }
}
