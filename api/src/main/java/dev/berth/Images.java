package dev.berth;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/** {@code docker images / pull / push / build / tag / rmi / image prune / history / save / load / login}. */
public interface Images {
    List<ImageSummary> list();

    /** Filters: {@code reference}, {@code label}, {@code dangling}. */
    List<ImageSummary> list(Filter filter);

    ImageInfo inspect(String reference);

    Image get(String reference);

    Optional<Image> find(String reference);

    /** {@code docker pull}, with progress to the default reporter (a bar on a terminal, else a few INFO lines). */
    Image pull(String reference);

    Image pull(String reference, ProgressListener progress);

    /**
     * {@code docker push}, with credentials from {@link #login} or the docker config, and progress to the default
     * reporter (a bar on a terminal, else a line per layer).
     */
    default void push(String reference) {
        push(reference, ProgressListener.console("push " + reference));
    }

    /** {@code docker push}, with credentials from {@link #login} or the docker config. */
    void push(String reference, ProgressListener progress);

    Image tag(String source, String target);

    void remove(String reference, boolean force, boolean noPrune);

    /** {@code docker image prune [-a]}. */
    PruneReport prune(boolean allUnused, Filter filter);

    List<ImageLayer> history(String reference);

    /** {@code docker save}: a tar of the images, streamed to {@code out}. */
    void save(OutputStream out, String... references);

    /** {@code docker load}: returns the references loaded. */
    List<String> load(InputStream tar);

    /** {@code docker build}. */
    Image build(BuildSpec spec);

    default Image build(Dockerfile dockerfile, BuildContext context) {
        return build(BuildSpec.of(dockerfile, context));
    }

    /**
     * {@code docker login}: checks the credentials with the registry and uses them for this connection's pulls and
     * pushes. Nothing is written to disk. Wrong credentials: {@link RegistryAuthException}.
     */
    void login(RegistryAuth auth);
}
