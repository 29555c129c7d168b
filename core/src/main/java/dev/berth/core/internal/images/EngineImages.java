package dev.berth.core.internal.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.command.InspectImageResponse;
import dev.berth.BuildSpec;
import dev.berth.DockerException;
import dev.berth.Filter;
import dev.berth.Image;
import dev.berth.ImageInfo;
import dev.berth.ImageLayer;
import dev.berth.ImageNotFoundException;
import dev.berth.ImageRef;
import dev.berth.ImageSummary;
import dev.berth.Images;
import dev.berth.ProgressListener;
import dev.berth.PruneReport;
import dev.berth.RegistryAuth;
import dev.berth.RegistryAuthException;
import dev.berth.core.internal.builder.BuildRunner;
import dev.berth.core.internal.engine.Engine;
import dev.berth.core.internal.engine.Failures;
import dev.berth.core.internal.engine.Prunes;
import dev.berth.core.internal.engine.Timestamps;
import dev.berth.core.internal.transport.RawEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code docker images / pull / push / build / tag / rmi / prune / history / save / load / login}. */
public final class EngineImages implements Images {
    private final Engine engine;

    public EngineImages(Engine engine) {
        this.engine = engine;
    }

    @Override
    public List<ImageSummary> list() {
        return list(Filter.none());
    }

    @Override
    public List<ImageSummary> list(Filter filter) {
        JsonNode rows = engine.call("list images", () -> engine.raw().get("/images/json" + query(filter.asMap())));
        List<ImageSummary> images = new ArrayList<>();
        for (JsonNode row : rows) {
            images.add(new ImageSummary(row.path("Id").asText(), texts(row.path("RepoTags"), "<none>:<none>"),
                    texts(row.path("RepoDigests"), "<none>@<none>"), row.path("Size").asLong(),
                    Instant.ofEpochSecond(row.path("Created").asLong()), map(row.path("Labels"))));
        }
        return images;
    }

    private static String query(Map<String, List<String>> filters) {
        String f = RawEngine.filters(filters);
        return f.isEmpty() ? "" : "?" + f;
    }

    @Override
    public ImageInfo inspect(String reference) {
        return info(inspectRaw(reference));
    }

    InspectImageResponse inspectRaw(String reference) {
        ImageRef ref = ImageRef.parseOrId(reference);
        return engine.call("inspect image " + reference, () -> engine.client().inspectImageCmd(reference).exec(),
                Failures.on(404, f -> new ImageNotFoundException(reference, ref == null ? "(local)"
                        : ref.registry() + " (not pulled)", f.message(), f.cause())));
    }

    @Override
    public Image get(String reference) {
        return new EngineImage(this, inspectRaw(reference).getId(), reference, List.of());
    }

    @Override
    public Optional<Image> find(String reference) {
        ImageRef.parseOrId(reference); // a malformed reference is a mistake, not an absent image
        return engine.find("inspect image " + reference, () -> engine.client().inspectImageCmd(reference).exec())
                .map(found -> new EngineImage(this, found.getId(), reference, List.of()));
    }

    @Override
    public Image pull(String reference) {
        ImageRef ref = ImageRef.parse(reference);
        return pull(reference, DefaultProgress.forOperation("pull", ref.familiar()));
    }

    @Override
    public Image pull(String reference, ProgressListener progress) {
        ImageRef ref = ImageRef.parse(reference);
        ImagePuller.pull(engine, reference, ref, progress);
        return get(reference);
    }

    /**
     * {@code docker pull --platform PLATFORM REF} (stacks use it for a service's {@code platform:}). The engine pulls
     * a single-platform image whatever its platform (with a warning only), so the caller compares the answer.
     */
    public ImageInfo pullPlatform(String reference, String platform) {
        ImageRef ref = ImageRef.parse(reference);
        ImagePuller.pull(engine, reference, ref, platform, DefaultProgress.forOperation("pull", ref.familiar()));
        return inspect(reference);
    }

    @Override
    public void push(String reference) {
        push(reference, DefaultProgress.forOperation("push", ImageRef.parse(reference).familiar()));
    }

    @Override
    public void push(String reference, ProgressListener progress) {
        ImageRef ref = ImageRef.parse(reference);
        inspectRaw(reference);
        ImagePuller.push(engine, reference, ref, progress);
    }

    @Override
    public Image tag(String source, String target) {
        ImageRef to = ImageRef.parse(target);
        String repository = to.familiar().substring(0, to.familiar().length() - to.tag().length() - 1);
        engine.run("tag " + source + " as " + target, () -> engine.client().tagImageCmd(source, repository, to.tag())
                .exec(), Failures.on(404, f -> new ImageNotFoundException(source, "(local)", f.message(), f.cause())));
        return get(target);
    }

    @Override
    public void remove(String reference, dev.berth.ImageRemoval how) {
        if (reference == null || reference.isBlank() || how == null) {
            throw new dev.berth.InvalidSpecException(reference == null || reference.isBlank() ? "image reference"
                    : "image removal", reference, "it is required", "e.g. remove(\"app:1\", ImageRemoval.defaults())");
        }
        engine.run("remove image " + reference,
                () -> engine.client().removeImageCmd(reference).withForce(how.force())
                        .withNoPrune(how.keepUntaggedParents()).exec(),
                Failures.on(404, f -> new ImageNotFoundException(reference, "(local)", f.message(), f.cause()))
                        .and(409, f -> new dev.berth.ConflictException("Cannot remove image " + reference + ": "
                                + f.message() + ". Remove the containers using it first, or remove it with"
                                + " ImageRemoval.forced().", f.cause())));
    }

    @Override
    public PruneReport prune(dev.berth.ImagePrune what) {
        if (what == null) {
            throw new dev.berth.InvalidSpecException("image prune", null, "it is required (null given)",
                    "pass ImagePrune.dangling() or ImagePrune.allUnused()");
        }
        Map<String, List<String>> filters = new LinkedHashMap<>(what.filter().asMap());
        filters.put("dangling", List.of(what.allUnusedImages() ? "false" : "true"));
        String query = RawEngine.filters(filters);
        JsonNode r = engine.call("prune images",
                () -> engine.raw().post("/images/prune?" + query));
        return PruneReport.ofImages(Prunes.images(r.path("ImagesDeleted")), r.path("SpaceReclaimed").asLong());
    }

    /** {@code docker builder prune [-a]}: the classic builder's cache; it takes no label filter. */
    public PruneReport pruneBuildCache(boolean allUnused) {
        String all = allUnused ? "?all=1" : "";
        JsonNode r = engine.call("prune build cache",
                () -> engine.raw().post("/build/prune" + all));
        return PruneReport.ofBuildCache(Prunes.names(r.path("CachesDeleted")), r.path("SpaceReclaimed").asLong());
    }

    @Override
    public List<ImageLayer> history(String reference) {
        JsonNode rows = engine.call("history of " + reference,
                () -> engine.raw().get("/images/" + RawEngine.encode(reference) + "/history"),
                Failures.on(404, f -> new ImageNotFoundException(reference, "(local)", f.message(), f.cause())));
        List<ImageLayer> layers = new ArrayList<>();
        for (JsonNode row : rows) {
            layers.add(new ImageLayer(row.path("Id").asText(), Instant.ofEpochSecond(row.path("Created").asLong()),
                    row.path("CreatedBy").asText(), row.path("Size").asLong(), texts(row.path("Tags"), null),
                    row.path("Comment").asText()));
        }
        return layers;
    }

    @Override
    public void save(OutputStream out, String... references) {
        var cmd = engine.streamingClient().saveImagesCmd();
        for (String reference : references) {
            ImageRef ref = ImageRef.parse(reference);
            String familiar = ref.familiar();
            cmd.withImage(familiar.substring(0, familiar.length() - ref.tag().length() - 1), ref.tag());
        }
        String names = Arrays.toString(references);
        try (InputStream tar = engine.call("save " + names, cmd::exec,
                Failures.on(404, f -> new ImageNotFoundException(names, "(local)", f.message(), f.cause())))) {
            tar.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Saving " + names + " failed", e);
        }
    }

    @Override
    public List<String> load(InputStream tar) {
        List<String> loaded = new ArrayList<>();
        var callback = new com.github.dockerjava.api.async.ResultCallback.Adapter<
                com.github.dockerjava.api.model.LoadResponseItem>() {
            @Override
            public void onNext(com.github.dockerjava.api.model.LoadResponseItem item) {
                String stream = item.getStream();
                if (stream != null && stream.startsWith("Loaded image")) {
                    loaded.add(stream.substring(stream.indexOf(':') + 1).strip());
                }
            }
        };
        engine.run("load images", () -> {
            try {
                engine.streamingClient().loadImageAsyncCmd(tar).exec(callback).awaitCompletion();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DockerException("Interrupted while loading images", e);
            }
        });
        return loaded;
    }

    @Override
    public Image build(BuildSpec spec) {
        BuildRunner.Built built = BuildRunner.build(engine, spec);
        String id = inspectRaw(built.imageId()).getId(); // the full id, whatever the builder printed
        return new EngineImage(this, id, spec.tags().isEmpty() ? id : spec.tags().get(0), built.stageImages());
    }

    @Override
    public void login(RegistryAuth auth) {
        String operation = "login to " + auth.registry();
        // A wrong password comes back as 401/403, or as 500 whose text says 401.
        engine.call(operation, () -> engine.raw().post("/auth", Map.of("username", auth.username(),
                "password", auth.password().reveal(), "serveraddress", auth.registry())),
                Failures.none().andAnyOtherAnswer(f -> f.status() == 401 || f.status() == 403
                        || f.message().toLowerCase(java.util.Locale.ROOT).contains("unauthorized")
                        || f.message().contains("401") ? new RegistryAuthException(auth.registry(), f.message(), null)
                        : f.unexplained()));
        engine.credentials().remember(auth);
    }

    static ImageInfo info(InspectImageResponse r) {
        var config = r.getConfig();
        List<String> ports = new ArrayList<>();
        if (config != null && config.getExposedPorts() != null) {
            Arrays.stream(config.getExposedPorts()).forEach(p -> ports.add(p.toString()));
        }
        return new ImageInfo(r.getId(), r.getRepoTags() == null ? List.of() : r.getRepoTags(),
                r.getRepoDigests() == null ? List.of() : r.getRepoDigests(), r.getSize() == null ? 0 : r.getSize(),
                Timestamps.parse(r.getCreated()),
                config == null || config.getLabels() == null ? Map.of() : config.getLabels(), ports,
                config == null ? null : config.getUser(),
                config == null || config.getEntrypoint() == null ? List.of() : Arrays.asList(config.getEntrypoint()),
                config == null || config.getCmd() == null ? List.of() : Arrays.asList(config.getCmd()),
                config == null ? null : config.getWorkingDir(),
                config == null || config.getEnv() == null ? List.of() : Arrays.asList(config.getEnv()),
                r.getArch(), r.getOs());
    }

    private static List<String> texts(JsonNode array, String skip) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> {
            if (skip == null || !skip.equals(n.asText())) {
                values.add(n.asText());
            }
        });
        return values;
    }

    private static Map<String, String> map(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }
}
