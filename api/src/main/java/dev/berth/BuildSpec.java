package dev.berth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker build}: context, Dockerfile (a path inside or outside the context, or a {@link Dockerfile} value),
 * build args, target stage, labels, tags, no-cache, pull, progress, and the RUN steps' network, extra hosts and
 * /dev/shm size, cache sources. Immutable.
 */
public record BuildSpec(BuildContext context, Path dockerfilePath, Dockerfile dockerfile, Map<String, String> buildArgs,
        String target, Map<String, String> labels, List<String> tags, boolean withoutCache, boolean alwaysPull,
        ProgressListener progress, String networkMode, Map<String, String> extraHosts, Long shmSizeBytes,
        List<String> cacheSources) {

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
     * @param networkMode {@code --network} of the RUN steps, or null for the engine's default (bridge)
     * @param extraHosts {@code --add-host} entries of the RUN steps, name to IP
     * @param shmSizeBytes {@code --shm-size} of the RUN steps in bytes, or null for the engine's 64 MiB
     * @param cacheSources {@code --cache-from} images
     */
    public BuildSpec {
        buildArgs = Map.copyOf(buildArgs);
        labels = Map.copyOf(labels);
        tags = List.copyOf(tags);
        extraHosts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extraHosts));
        cacheSources = List.copyOf(cacheSources);
    }

    /**
     * {@code docker build DIR}: the directory's Dockerfile and .dockerignore.
     *
     * @param dir the build context directory
     * @return a spec with nothing else set
     */
    public static BuildSpec context(Path dir) {
        return new BuildSpec(BuildContext.directory(dir), null, null, Map.of(), null, Map.of(), List.of(), false,
                false, null, null, Map.of(), null, List.of());
    }

    /**
     * {@code docker build -f - CONTEXT} with a Dockerfile written in Java.
     *
     * @param dockerfile the Dockerfile
     * @param context the files it copies
     * @return a spec with nothing else set
     */
    public static BuildSpec of(Dockerfile dockerfile, BuildContext context) {
        return new BuildSpec(context, null, dockerfile, Map.of(), null, Map.of(), List.of(), false, false, null, null, Map.of(), null,
                List.of());
    }

    /**
     * {@code -f PATH}; it may lie outside the context.
     *
     * @param path the Dockerfile
     * @return a new spec; this one is unchanged
     */
    public BuildSpec dockerfile(Path path) {
        return new BuildSpec(context, path, null, buildArgs, target, labels, tags, withoutCache, alwaysPull, progress, networkMode, extraHosts, shmSizeBytes,
                cacheSources);
    }

    /**
     * {@code -f -}: a Dockerfile written in Java instead of the context's.
     *
     * @param value the Dockerfile
     * @return a new spec; this one is unchanged
     */
    public BuildSpec dockerfile(Dockerfile value) {
        return new BuildSpec(context, null, value, buildArgs, target, labels, tags, withoutCache, alwaysPull, progress, networkMode, extraHosts, shmSizeBytes,
                cacheSources);
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
                progress, networkMode, extraHosts, shmSizeBytes,
                cacheSources);
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
        return new BuildSpec(context, dockerfilePath, dockerfile, copy, target, labels, tags, withoutCache, alwaysPull, progress, networkMode, extraHosts, shmSizeBytes,
                cacheSources);
    }

    /**
     * {@code --target STAGE}: build up to that stage.
     *
     * @param stage the stage's name
     * @return a new spec; this one is unchanged
     */
    public BuildSpec target(String stage) {
        return new BuildSpec(context, dockerfilePath, dockerfile, buildArgs, stage, labels, tags, withoutCache, alwaysPull,
                progress, networkMode, extraHosts, shmSizeBytes,
                cacheSources);
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
                progress, networkMode, extraHosts, shmSizeBytes,
                cacheSources);
    }

    /**
     * {@code --no-cache}.
     *
     * @return a new spec; this one is unchanged
     */
    public BuildSpec noCache() {
        return new BuildSpec(context, dockerfilePath, dockerfile, buildArgs, target, labels, tags, true, alwaysPull,
                progress, networkMode, extraHosts, shmSizeBytes,
                cacheSources);
    }

    /**
     * {@code --pull}: always look for newer base images.
     *
     * @return a new spec; this one is unchanged
     */
    public BuildSpec pull() {
        return new BuildSpec(context, dockerfilePath, dockerfile, buildArgs, target, labels, tags, withoutCache, true,
                progress, networkMode, extraHosts, shmSizeBytes,
                cacheSources);
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
                listener, networkMode, extraHosts, shmSizeBytes,
                cacheSources);
    }

    /**
     * {@code docker build --network}: the network the RUN steps use, e.g. "none" (no network), "host", or a
     * network's name.
     *
     * @param network "none", "host", "bridge", "default", or a network name
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when the name is invalid
     */
    public BuildSpec network(String network) {
        Validation.networkMode(network);
        return new BuildSpec(context, dockerfilePath, dockerfile, buildArgs, target, labels, tags, withoutCache,
                alwaysPull, progress, network, extraHosts, shmSizeBytes, cacheSources);
    }

    /**
     * {@code docker build --add-host name:ip}: an /etc/hosts entry for the RUN steps.
     *
     * @param hostname the name
     * @param ip an IP address, or "host-gateway"
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when the name or address is invalid
     */
    public BuildSpec extraHost(String hostname, String ip) {
        Validation.hostname("extra host", hostname);
        Validation.hostIp("extra host IP", ip, true);
        var hosts = new LinkedHashMap<>(extraHosts);
        hosts.put(hostname, ip);
        return new BuildSpec(context, dockerfilePath, dockerfile, buildArgs, target, labels, tags, withoutCache,
                alwaysPull, progress, networkMode, hosts, shmSizeBytes, cacheSources);
    }

    /**
     * {@code docker build --shm-size}: the size of /dev/shm in the RUN steps.
     *
     * @param bytes more than 0
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is not positive
     */
    public BuildSpec shmSize(long bytes) {
        if (bytes <= 0) {
            throw new InvalidSpecException("build shm size", bytes, "it must be more than 0 bytes",
                    "pass e.g. shmSize(128L << 20) for 128 MiB");
        }
        return new BuildSpec(context, dockerfilePath, dockerfile, buildArgs, target, labels, tags, withoutCache,
                alwaysPull, progress, networkMode, extraHosts, bytes, cacheSources);
    }

    /**
     * {@code docker build --cache-from}: images whose layers the build may reuse. With the engine's classic builder
     * these images are then the only cache: steps are not matched against other local images.
     *
     * @param images image references, added to those given before
     * @return a new spec; this one is unchanged
     * @throws InvalidImageReferenceException when a reference is malformed
     * @throws InvalidSpecException when none is given
     */
    public BuildSpec cacheFrom(String... images) {
        if (images == null || images.length == 0) {
            throw new InvalidSpecException("cache images", null, "at least one image is required",
                    "pass e.g. cacheFrom(\"myapp:latest\")");
        }
        List<String> copy = new ArrayList<>(cacheSources);
        for (String image : images) {
            ImageRef.parse(image);
            copy.add(image);
        }
        return new BuildSpec(context, dockerfilePath, dockerfile, buildArgs, target, labels, tags, withoutCache,
                alwaysPull, progress, networkMode, extraHosts, shmSizeBytes, copy);
    }
}
