package dev.berth.core.internal.builder;

import dev.berth.BuildContext;
import dev.berth.BuildFailedException;
import dev.berth.BuildSpec;
import dev.berth.DockerException;
import dev.berth.InvalidSpecException;
import dev.berth.Progress;
import dev.berth.ProgressListener;
import dev.berth.core.internal.archive.TarWriter;
import dev.berth.core.internal.engine.Engine;
import dev.berth.core.internal.engine.EngineErrors;
import dev.berth.core.internal.transport.Exchange;
import dev.berth.core.internal.transport.HttpChunks;
import dev.berth.core.internal.transport.HttpError;
import dev.berth.core.internal.transport.RawEngine;
import dev.berth.core.internal.transport.SocketTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code docker build} (classic builder): streams the context, follows the output, reports a failed step. */
public final class BuildRunner {
    private static final Logger LOG = LoggerFactory.getLogger("dev.berth.build");
    /** Generated or outside-the-context Dockerfiles travel under this name. */
    static final String GENERATED_DOCKERFILE = ".berth.Dockerfile";
    private static final int CHUNK_BYTES = 256 * 1024;
    private static final int TAIL_LINES = 30;
    /**
     * How long the engine may send nothing while it builds. The classic builder streams each step's output as it
     * comes, so ten silent minutes mean a hung engine rather than a slow step.
     */
    private static final java.time.Duration IDLE_LIMIT = java.time.Duration.ofMinutes(10);
    private static final java.util.regex.Pattern LAYER = java.util.regex.Pattern.compile(" ---> [0-9a-f]{12,64}");

    private BuildRunner() {
    }

    /**
     * Builds and returns the new image's id. The request is sent on Berth's own connection: the tar is written
     * straight into the HTTP chunks as the context is walked (no pipe, no temp file), while another thread reads the
     * engine's JSON output.
     */
    /**
     * What a build left: the image, and the last images of the earlier stages of a multi-stage Dockerfile that this
     * build made (not taken from the cache). The classic builder keeps those as untagged images, as
     * {@code docker build} does; {@code Image.close()} removes them with the image.
     */
    public record Built(String imageId, List<String> stageImages) {
    }

    public static Built build(Engine engine, BuildSpec spec) {
        // no listener: a bar on a terminal, else one INFO line per step
        ProgressListener listener = spec.progress() != null ? spec.progress()
                : ProgressListener.console(spec.tags().isEmpty() ? "build" : "build " + spec.tags().get(0), LOG::info);
        try {
            return build(engine, spec, listener);
        } finally {
            listener.finished(); // lets a progress bar end its line, whatever happened
        }
    }

    private static Built build(Engine engine, BuildSpec spec, ProgressListener listener) {
        Map<String, BuildContext.MemoryFile> extra = new LinkedHashMap<>();
        String dockerfile = dockerfileName(spec, extra);
        if (dockerfile.equals(GENERATED_DOCKERFILE)) {
            extra.put(".dockerignore", ignoringGeneratedDockerfile(spec.context()));
        }
        ContextArchiver archiver = new ContextArchiver(spec.context(), extra, dockerfile);
        BuildOutput output = new BuildOutput(listener);
        Exchange exchange;
        try {
            exchange = engine.sockets().open("POST", "/build?" + query(spec, dockerfile), SocketTransport.headers(
                    "X-Registry-Config", registryConfig(engine), "Content-Type", "application/x-tar",
                    "Transfer-Encoding", "chunked", "Connection", "close"));
        } catch (IOException e) {
            throw new DockerException("Cannot connect to the engine to build: " + e.getMessage(), e);
        }
        try (exchange) {
            Future<?> reader = engine.background().submit(() -> {
                output.read(exchange);
                return null;
            });
            ContextArchiver.Stats stats = null;
            try {
                HttpChunks.Output body = new HttpChunks.Output(exchange.requestBody(), CHUNK_BYTES);
                try (TarWriter tar = new TarWriter(body)) {
                    stats = archiver.write(tar);
                }
                body.close();
            } catch (IOException engineStoppedReading) {
                // the engine answers with the reason (e.g. a bad Dockerfile path); the reader has it
                LOG.debug("Context upload ended early: {}", engineStoppedReading.getMessage());
            }
            reader.get(60, TimeUnit.MINUTES);
            if (stats != null) {
                LOG.debug("Sent context: {} files, {} bytes, {} ignored directories skipped", stats.files(),
                        stats.bytes(), stats.skippedDirectories());
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new DockerException("The build did not finish within 60 minutes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException("Interrupted while building", e);
        } catch (ExecutionException e) {
            if (output.error == null) {
                throw new DockerException("Reading the build output failed: " + e.getCause(), e.getCause());
            }
        }
        if (output.error != null) {
            throw failed(engine, output);
        }
        if (output.imageId == null) {
            throw new DockerException("The build ended without an image id. Output:\n" + String.join("\n", output.tail));
        }
        return new Built(output.imageId, output.stageImages());
    }

    /** X-Registry-Config: the credentials a FROM pull may need, base64url JSON keyed by registry (never logged). */
    private static String registryConfig(Engine engine) {
        Map<String, com.github.dockerjava.api.model.AuthConfig> all = engine.credentials().all();
        if (all.isEmpty()) {
            return null;
        }
        Map<String, Map<String, String>> json = new LinkedHashMap<>();
        all.forEach((registry, auth) -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("username", auth.getUsername());
            entry.put("password", auth.getPassword());
            entry.put("serveraddress", registry);
            json.put(registry, entry);
        });
        return java.util.Base64.getUrlEncoder().encodeToString(jsonText(json).getBytes(StandardCharsets.UTF_8));
    }

    private static String query(BuildSpec spec, String dockerfile) {
        // Only the constant "managed" label: the classic builder turns each label into a LABEL step, and a
        // per-session value would defeat the build cache on every run.
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        labels.put(dev.berth.BerthLabels.MANAGED, "true");
        StringBuilder q = new StringBuilder("dockerfile=").append(RawEngine.encode(dockerfile)).append("&rm=1&forcerm=1");
        for (String tag : spec.tags()) {
            q.append("&t=").append(RawEngine.encode(tag));
        }
        q.append("&labels=").append(RawEngine.encode(jsonText(labels)));
        if (!spec.buildArgs().isEmpty()) {
            q.append("&buildargs=").append(RawEngine.encode(jsonText(spec.buildArgs())));
        }
        if (spec.target() != null) {
            q.append("&target=").append(RawEngine.encode(spec.target()));
        }
        if (spec.withoutCache()) {
            q.append("&nocache=1");
        }
        if (spec.alwaysPull()) {
            q.append("&pull=1");
        }
        if (spec.networkMode() != null) {
            q.append("&networkmode=").append(RawEngine.encode(spec.networkMode()));
        }
        // the engine reads every extrahosts parameter (r.Form["extrahosts"]), each "name:ip" as --add-host gives it
        spec.extraHosts().forEach((host, ip) -> q.append("&extrahosts=").append(RawEngine.encode(host + ":" + ip)));
        if (spec.shmSizeBytes() != null) {
            q.append("&shmsize=").append(spec.shmSizeBytes());
        }
        if (!spec.cacheSources().isEmpty()) {
            q.append("&cachefrom=").append(RawEngine.encode(jsonText(spec.cacheSources())));
        }
        return q.toString();
    }

    private static String jsonText(Object value) {
        try {
            return RawEngine.json().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A failed build leaves nothing behind: the layers it made are removed, newest first. */
    private static BuildFailedException failed(Engine engine, BuildOutput callback) {
        List<String> layers = new java.util.ArrayList<>(callback.createdLayers());
        java.util.Collections.reverse(layers);
        for (String layer : layers) {
            try {
                engine.raw().delete("/images/" + RawEngine.encode(layer));
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

    /**
     * The .dockerignore sent with a generated Dockerfile, as the docker CLI does for {@code -f -}: the context's own
     * .dockerignore (or one that lists itself) plus the generated file's name. The engine reads the Dockerfile and
     * then drops from the context what that file lists among the Dockerfile and itself, so a {@code COPY . .} does
     * not copy {@value #GENERATED_DOCKERFILE} into the image. Files the context's .dockerignore excludes are still
     * left out here, by Berth, as before.
     */
    private static BuildContext.MemoryFile ignoringGeneratedDockerfile(BuildContext context) {
        String own;
        if (context.files().containsKey(".dockerignore")) {
            own = new String(context.files().get(".dockerignore").content(), StandardCharsets.UTF_8);
        } else if (context.directory() != null && Files.isRegularFile(context.directory().resolve(".dockerignore"))) {
            try {
                own = Files.readString(context.directory().resolve(".dockerignore"), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InvalidSpecException("build context", context.directory(),
                        "its .dockerignore cannot be read: " + e.getMessage(), "check the file's permissions");
            }
        } else {
            own = ".dockerignore";
        }
        return new BuildContext.MemoryFile((own + "\n" + GENERATED_DOCKERFILE + "\n")
                .getBytes(StandardCharsets.UTF_8), 0644);
    }

    /** Reads the engine's answer; collects the output tail, the current step, the image id and the first error. */
    private static final class BuildOutput {
        private final ProgressListener listener;
        private final Deque<String> tail = new ArrayDeque<>();
        private final StringBuilder partial = new StringBuilder();
        /** Layers this build made (not taken from the cache): removed again if the build fails. */
        private final List<String> created = new java.util.ArrayList<>();
        private boolean stepFromCache;
        private boolean stepIsFrom;
        private int stages;
        private String lastLayer;
        /** The last image of each earlier stage that this build made: left untagged by the classic builder. */
        private final List<String> stageEnds = new java.util.ArrayList<>();
        volatile String error;
        volatile String step;
        volatile String imageId;

        BuildOutput(ProgressListener listener) {
            this.listener = listener;
        }

        /** Reads the answer; a silent engine fails the read after {@link #IDLE_LIMIT}. */
        void read(Exchange exchange) throws IOException {
            java.io.InputStream body;
            try {
                body = exchange.response(IDLE_LIMIT).body();
            } catch (HttpError e) {
                error = e.getMessage();
                return;
            }
            try (var items = RawEngine.json().readerFor(com.fasterxml.jackson.databind.JsonNode.class)
                    .<com.fasterxml.jackson.databind.JsonNode>readValues(body)) {
                while (items.hasNext()) {
                    accept(items.next());
                }
            }
            flush();
        }

        private void accept(com.fasterxml.jackson.databind.JsonNode item) {
            String failure = item.path("errorDetail").path("message").asText(null);
            if (failure == null) {
                failure = item.path("error").asText(null);
            }
            if (failure != null) {
                if (error == null) {
                    error = failure;
                }
                return;
            }
            String id = item.path("aux").path("ID").asText(null);
            if (id != null) {
                imageId = id;
            }
            String stream = item.path("stream").asText(null);
            if (stream != null) {
                lines(stream);
            }
        }

        private synchronized void flush() {
            if (partial.length() > 0) {
                lines("\n");
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
                    stepIsFrom = step.regionMatches(true, 0, "FROM ", 0, 5);
                    if (stepIsFrom && stages++ > 0 && lastLayer != null && created.contains(lastLayer)) {
                        stageEnds.add(lastLayer);
                    }
                } else if (line.equals(" ---> Using cache")) {
                    stepFromCache = true;
                } else if (LAYER.matcher(line).matches()) {
                    lastLayer = line.substring(" ---> ".length());
                    // a FROM step prints its base image: never the build's to remove (a user's one-tag base image
                    // would go with a failed build)
                    if (!stepFromCache && !stepIsFrom) {
                        created.add(lastLayer);
                    }
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

        synchronized BuildFailedException failure() {
            return new BuildFailedException(step, error, List.copyOf(tail));
        }

        synchronized List<String> createdLayers() {
            return List.copyOf(created);
        }

        synchronized List<String> stageImages() {
            return List.copyOf(stageEnds);
        }
    }
}
