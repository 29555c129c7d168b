package dev.berth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker build}: context, Dockerfile (a path inside or outside the context, or a {@link Dockerfile} value),
 * build args, target stage, labels, tags, no-cache, pull, progress. Immutable.
 */
public record BuildSpec(BuildContext context, Path dockerfilePath, Dockerfile dockerfile, Map<String, String> buildArgs,
        String target, Map<String, String> labels, List<String> tags, boolean withoutCache, boolean alwaysPull,
        ProgressListener progress) {

    public BuildSpec {
        buildArgs = Map.copyOf(buildArgs);
        labels = Map.copyOf(labels);
        tags = List.copyOf(tags);
    }

    /** {@code docker build DIR}: the directory's Dockerfile and .dockerignore. */
    public static BuildSpec context(Path dir) {
        return new BuildSpec(BuildContext.directory(dir), null, null, Map.of(), null, Map.of(), List.of(), false,
                false, null);
    }

    public static BuildSpec of(Dockerfile dockerfile, BuildContext context) {
        return new BuildSpec(context, null, dockerfile, Map.of(), null, Map.of(), List.of(), false, false, null);
    }

    /** {@code -f PATH}; it may lie outside the context. */
    public BuildSpec dockerfile(Path path) {
        return new BuildSpec(context, path, null, buildArgs, target, labels, tags, withoutCache, alwaysPull, progress);
    }

    public BuildSpec dockerfile(Dockerfile value) {
        return new BuildSpec(context, null, value, buildArgs, target, labels, tags, withoutCache, alwaysPull, progress);
    }

    /** {@code -t name:tag}; checked against Docker's reference grammar now. */
    public BuildSpec tag(String reference) {
        ImageRef.parse(reference);
        List<String> copy = new ArrayList<>(tags);
        copy.add(reference);
        return new BuildSpec(context, dockerfilePath, dockerfile, buildArgs, target, labels, copy, withoutCache, alwaysPull,
                progress);
    }

    public BuildSpec buildArg(String key, String value) {
        var copy = new LinkedHashMap<>(buildArgs);
        copy.put(Validation.notBlank("build arg", key, "name the ARG"), value);
        return new BuildSpec(context, dockerfilePath, dockerfile, copy, target, labels, tags, withoutCache, alwaysPull, progress);
    }

    /** {@code --target STAGE}. */
    public BuildSpec target(String stage) {
        return new BuildSpec(context, dockerfilePath, dockerfile, buildArgs, stage, labels, tags, withoutCache, alwaysPull,
                progress);
    }

    public BuildSpec label(String key, String value) {
        var copy = new LinkedHashMap<>(labels);
        copy.put(Validation.notBlank("label key", key, "give a label key"), value);
        return new BuildSpec(context, dockerfilePath, dockerfile, buildArgs, target, copy, tags, withoutCache, alwaysPull,
                progress);
    }

    public BuildSpec noCache() {
        return new BuildSpec(context, dockerfilePath, dockerfile, buildArgs, target, labels, tags, true, alwaysPull,
                progress);
    }

    /** {@code --pull}: always look for newer base images. */
    public BuildSpec pull() {
        return new BuildSpec(context, dockerfilePath, dockerfile, buildArgs, target, labels, tags, withoutCache, true,
                progress);
    }

    /** Build output, line by line ({@link Progress#status()}); default: the steps at INFO. */
    public BuildSpec progress(ProgressListener listener) {
        return new BuildSpec(context, dockerfilePath, dockerfile, buildArgs, target, labels, tags, withoutCache, alwaysPull,
                listener);
    }
}
