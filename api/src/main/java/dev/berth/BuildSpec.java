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

    /**
     * Copies the collections, so the value cannot change.
     *
     * @param context see {@link #context()}
     * @param dockerfilePath see {@link #dockerfilePath()}
     * @param dockerfile see {@link #dockerfile()}
     * @param buildArgs see {@link #buildArgs()}
     * @param target see {@link #target()}
     * @param labels see {@link #labels()}
     * @param tags see {@link #tags()}
     * @param withoutCache see {@link #withoutCache()}
     * @param alwaysPull see {@link #alwaysPull()}
     * @param progress see {@link #progress()}
     */
    public BuildSpec {
        buildArgs = Map.copyOf(buildArgs);
        labels = Map.copyOf(labels);
        tags = List.copyOf(tags);
    }

    /**
     * {@code docker build DIR}: the directory's Dockerfile and .dockerignore.
     *
     * @param dir the build context directory
     * @return a spec with nothing else set
     */
    public static BuildSpec context(Path dir) {
        return new BuildSpec(BuildContext.directory(dir), null, null, Map.of(), null, Map.of(), List.of(), false,
                false, null);
    }

    /**
     * {@code docker build -f - CONTEXT} with a Dockerfile written in Java.
     *
     * @param dockerfile the Dockerfile
     * @param context the files it copies
     * @return a spec with nothing else set
     */
    public static BuildSpec of(Dockerfile dockerfile, BuildContext context) {
        return new BuildSpec(context, null, dockerfile, Map.of(), null, Map.of(), List.of(), false, false, null);
    }

    /**
     * {@code -f PATH}; it may lie outside the context.
     *
     * @param path the Dockerfile
     * @return a new spec; this one is unchanged
     */
    public BuildSpec dockerfile(Path path) {
        return new BuildSpec(context, path, null, buildArgs, target, labels, tags, withoutCache, alwaysPull, progress);
    }

    /**
     * {@code -f -}: a Dockerfile written in Java instead of the context's.
     *
     * @param value the Dockerfile
     * @return a new spec; this one is unchanged
     */
    public BuildSpec dockerfile(Dockerfile value) {
        return new BuildSpec(context, null, value, buildArgs, target, labels, tags, withoutCache, alwaysPull, progress);
    }

    /**
     * {@code -t name:tag}; checked against Docker's reference grammar now. Several calls add tags.
     *
     * @param reference the tag
     * @return a new spec; this one is unchanged
     * @throws InvalidImageReferenceException when it is malformed
     */
    public BuildSpec tag(String reference) {
        ImageRef.parse(reference);
        List<String> copy = new ArrayList<>(tags);
        copy.add(reference);
        return new BuildSpec(context, dockerfilePath, dockerfile, buildArgs, target, labels, copy, withoutCache, alwaysPull,
                progress);
    }

    /**
     * {@code --build-arg KEY=VALUE}.
     *
     * @param key the ARG's name
     * @param value its value
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when the key is blank
     */
    public BuildSpec buildArg(String key, String value) {
        var copy = new LinkedHashMap<>(buildArgs);
        copy.put(Validation.notBlank("build arg", key, "name the ARG"), value);
        return new BuildSpec(context, dockerfilePath, dockerfile, copy, target, labels, tags, withoutCache, alwaysPull, progress);
    }

    /**
     * {@code --target STAGE}: build up to that stage.
     *
     * @param stage the stage's name
     * @return a new spec; this one is unchanged
     */
    public BuildSpec target(String stage) {
        return new BuildSpec(context, dockerfilePath, dockerfile, buildArgs, stage, labels, tags, withoutCache, alwaysPull,
                progress);
    }

    /**
     * {@code --label KEY=VALUE} on the image.
     *
     * @param key the label's key
     * @param value its value
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when the key is blank
     */
    public BuildSpec label(String key, String value) {
        var copy = new LinkedHashMap<>(labels);
        copy.put(Validation.notBlank("label key", key, "give a label key"), value);
        return new BuildSpec(context, dockerfilePath, dockerfile, buildArgs, target, copy, tags, withoutCache, alwaysPull,
                progress);
    }

    /**
     * {@code --no-cache}.
     *
     * @return a new spec; this one is unchanged
     */
    public BuildSpec noCache() {
        return new BuildSpec(context, dockerfilePath, dockerfile, buildArgs, target, labels, tags, true, alwaysPull,
                progress);
    }

    /**
     * {@code --pull}: always look for newer base images.
     *
     * @return a new spec; this one is unchanged
     */
    public BuildSpec pull() {
        return new BuildSpec(context, dockerfilePath, dockerfile, buildArgs, target, labels, tags, withoutCache, true,
                progress);
    }

    /**
     * Build output, line by line ({@link Progress#status()}); default: the steps at INFO ({@code docker build
     * --progress=plain}).
     *
     * @param listener receives each output line
     * @return a new spec; this one is unchanged
     */
    public BuildSpec progress(ProgressListener listener) {
        return new BuildSpec(context, dockerfilePath, dockerfile, buildArgs, target, labels, tags, withoutCache, alwaysPull,
                listener);
    }
}
