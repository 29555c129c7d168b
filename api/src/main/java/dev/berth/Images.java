package dev.berth;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/** {@code docker images / pull / push / build / tag / rmi / image prune / history / save / load / login}. */
public interface Images {
    /**
     * {@code docker images}: the tagged images (no intermediate layers).
     *
     * @return one summary per image
     */
    List<ImageSummary> list();

    /**
     * {@code docker images --filter}: {@code reference}, {@code label}, {@code dangling}.
     *
     * @param filter which images
     * @return one summary per matching image
     */
    List<ImageSummary> list(Filter filter);

    /**
     * {@code docker image inspect}.
     *
     * @param reference a name[:tag], name@digest or id
     * @return the image's id, tags, size, config and labels
     * @throws ImageNotFoundException when there is no such image locally
     */
    ImageInfo inspect(String reference);

    /**
     * A handle on a local image; no pull.
     *
     * @param reference a name[:tag], name@digest or id
     * @return the image
     * @throws ImageNotFoundException when there is no such image locally
     */
    Image get(String reference);

    /**
     * Like {@link #get(String)}, but empty instead of an exception when the image is not there.
     *
     * @param reference a name[:tag], name@digest or id
     * @return the image, or empty
     */
    Optional<Image> find(String reference);

    /**
     * {@code docker pull}, with progress to the default reporter (a bar on a terminal, else a few INFO lines).
     *
     * @param reference a name[:tag] or name@digest ({@code :latest} when no tag is given)
     * @return the pulled image
     * @throws InvalidImageReferenceException when the reference is malformed
     * @throws ImagePullException when the registry refuses or does not have it (with the registry's reason)
     */
    Image pull(String reference);

    /**
     * {@code docker pull} with progress to the given listener.
     *
     * @param reference a name[:tag] or name@digest
     * @param progress receives each layer's progress
     * @return the pulled image
     * @throws InvalidImageReferenceException when the reference is malformed
     * @throws ImagePullException when the registry refuses or does not have it
     */
    Image pull(String reference, ProgressListener progress);

    /**
     * {@code docker push}, with credentials from {@link #login} or the docker config, and progress to the default
     * reporter (a bar on a terminal, else a line per layer).
     *
     * @param reference the local tag to push, naming its registry
     * @throws RegistryAuthException when the registry refuses the credentials
     * @throws DockerException when the push fails (with the registry's reason)
     */
    default void push(String reference) {
        push(reference, ProgressListener.console("push " + reference));
    }

    /**
     * {@code docker push}, with credentials from {@link #login} or the docker config.
     *
     * @param reference the local tag to push, naming its registry
     * @param progress receives each layer's progress
     * @throws RegistryAuthException when the registry refuses the credentials
     * @throws DockerException when the push fails (with the registry's reason)
     */
    void push(String reference, ProgressListener progress);

    /**
     * {@code docker tag SOURCE TARGET}.
     *
     * @param source an existing image (name[:tag] or id)
     * @param target the new name[:tag]
     * @return the image under its new tag
     * @throws ImageNotFoundException when the source is not there
     * @throws InvalidImageReferenceException when the target is malformed
     */
    Image tag(String source, String target);

    /**
     * {@code docker rmi}.
     *
     * @param reference a name[:tag] or id
     * @throws ImageNotFoundException when there is no such image
     * @throws ConflictException when a container uses it
     */
    default void remove(String reference) {
        remove(reference, ImageRemoval.defaults());
    }

    /**
     * {@code docker rmi [-f] [--no-prune]}, e.g. {@code remove("app:1", ImageRemoval.forced())}.
     *
     * @param reference a name[:tag] or id
     * @param how forced or not, pruning untagged parents or not
     * @throws ImageNotFoundException when there is no such image
     * @throws ConflictException when a container uses it and the removal is not forced
     */
    void remove(String reference, ImageRemoval how);

    /**
     * {@code docker image prune [-a]}, e.g. {@code prune(ImagePrune.allUnused().withLabel("app", "x"))}.
     *
     * @param what dangling only, or every unused image, and which labels
     * @return the images removed and the space reclaimed
     */
    PruneReport prune(ImagePrune what);

    /**
     * {@code docker history}.
     *
     * @param reference a name[:tag] or id
     * @return the layers, newest first, with the instruction that made each
     * @throws ImageNotFoundException when there is no such image
     */
    List<ImageLayer> history(String reference);

    /**
     * {@code docker save}: a tar of the images, streamed to {@code out}.
     *
     * @param out where the tar goes (not closed)
     * @param references the images to save
     * @throws ImageNotFoundException when one is not there
     */
    void save(OutputStream out, String... references);

    /**
     * {@code docker load}.
     *
     * @param tar an image archive as {@code docker save} writes it (read to its end, not closed)
     * @return the references loaded
     * @throws DockerException when the engine cannot read the archive
     */
    List<String> load(InputStream tar);

    /**
     * {@code docker build}: the context is streamed to the engine, {@code .dockerignore} applied.
     *
     * @param spec context, Dockerfile, tags, build args, target
     * @return the built image
     * @throws BuildFailedException when a step fails (with the step, the error and the last output lines)
     */
    Image build(BuildSpec spec);

    /**
     * {@code docker build} of a Dockerfile written in Java, with a context.
     *
     * @param dockerfile the Dockerfile
     * @param context the files it copies
     * @return the built image
     * @throws BuildFailedException when a step fails
     */
    default Image build(Dockerfile dockerfile, BuildContext context) {
        return build(BuildSpec.of(dockerfile, context));
    }

    /**
     * {@code docker login}: checks the credentials with the registry and uses them for this connection's pulls and
     * pushes. Nothing is written to disk.
     *
     * @param auth registry, user and password (or token)
     * @throws RegistryAuthException when the registry refuses them
     */
    void login(RegistryAuth auth);
}
