package dev.berth.core.internal.images;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.ResponseItem;
import dev.berth.ImageNotFoundException;
import dev.berth.ImagePullException;
import dev.berth.ImageRef;
import dev.berth.ProgressListener;
import dev.berth.RegistryAuthException;
import dev.berth.core.internal.engine.Engine;
import dev.berth.core.internal.engine.EngineErrors;
import dev.berth.core.internal.engine.EngineMessages;
import dev.berth.core.internal.transport.RawEngine;
import java.util.concurrent.TimeUnit;

/**
 * Pulls and pushes. Failure is read from the stream's errorDetail (or the HTTP error), never from status text; the
 * progress messages feed a {@link ProgressTracker}.
 */
public final class ImagePuller {
    private static final long DEADLINE_MINUTES = 30;

    private ImagePuller() {
    }

    public static void pull(Engine engine, String reference, ImageRef ref) {
        pull(engine, reference, ref, DefaultProgress.forOperation("pull", ref.familiar()));
    }

    public static void pull(Engine engine, String reference, ImageRef ref, ProgressListener listener) {
        pull(engine, reference, ref, null, listener);
    }

    /** {@code docker pull --platform}: {@code platform} null pulls the engine's own. */
    public static void pull(Engine engine, String reference, ImageRef ref, String platform,
            ProgressListener listener) {
        String tagOrDigest = ref.digest() != null ? ref.digest() : ref.tag();
        var cmd = engine.streamingClient().pullImageCmd(repository(ref)).withTag(tagOrDigest);
        if (platform != null) {
            cmd.withPlatform(platform);
        }
        AuthConfig auth = engine.credentials().forRegistry(ref.registry());
        if (auth != null) {
            cmd.withAuthConfig(auth);
        }
        var callback = new StreamCallback<com.github.dockerjava.api.model.PullResponseItem>(new ProgressTracker(listener));
        try {
            run("Pull of " + reference, () -> cmd.exec(callback), callback, reference, ref);
        } finally {
            listener.finished();
        }
    }

    static void push(Engine engine, String reference, ImageRef ref, ProgressListener listener) {
        var cmd = engine.streamingClient().pushImageCmd(repository(ref)).withTag(ref.tag() == null ? "latest" : ref.tag());
        AuthConfig auth = engine.credentials().forRegistry(ref.registry());
        cmd.withAuthConfig(auth != null ? auth : new AuthConfig());
        var callback = new StreamCallback<com.github.dockerjava.api.model.PushResponseItem>(new ProgressTracker(listener));
        try {
            run("Push of " + reference, () -> cmd.exec(callback), callback, reference, ref);
        } finally {
            listener.finished();
        }
    }

    /** The name without tag or digest, as the engine's fromImage / push path wants it. */
    private static String repository(ImageRef ref) {
        String familiar = ref.familiar();
        int cut = ref.digest() != null ? familiar.indexOf('@') : familiar.lastIndexOf(':');
        return cut > familiar.lastIndexOf('/') && cut > 0 ? familiar.substring(0, cut) : familiar;
    }

    private static void run(String what, Runnable start, StreamCallback<?> callback, String reference, ImageRef ref) {
        try {
            start.run();
            if (!callback.awaitCompletion(DEADLINE_MINUTES, TimeUnit.MINUTES)) {
                throw new ImagePullException(what + " did not finish within " + DEADLINE_MINUTES
                        + " minutes; check the registry's reachability.", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImagePullException(what + " was interrupted", e);
        } catch (RuntimeException e) {
            throw translate(what, reference, ref, EngineErrors.message(e), e);
        } finally {
            RawEngine.closeQuietly(callback);
        }
        if (callback.error != null) {
            throw translate(what, reference, ref, callback.error, null);
        }
    }

    private static RuntimeException translate(String what, String reference, ImageRef ref, String message,
            Throwable cause) {
        if (cause instanceof dev.berth.DockerException berth) {
            return berth;
        }
        EngineMessages.Meaning meaning = EngineMessages.of(message);
        if (meaning instanceof EngineMessages.RegistryAuth) {
            return new RegistryAuthException(ref.registry(), message, cause);
        }
        // Offline, Docker Hub is unreachable and "not there" is the honest answer; a private registry that is down is not.
        if (what.startsWith("Pull") && (meaning instanceof EngineMessages.ManifestMissing
                || meaning instanceof EngineMessages.RegistryUnreachable && (message.contains("no such host")
                        || ref.registry().equals(ImageRef.DOCKER_HUB)))) {
            return new ImageNotFoundException(reference, ref.registry(), message, cause);
        }
        return new ImagePullException(what + " (" + ref.registry() + ") failed: " + message
                + ". Check the registry address, your network and your login.", cause);
    }

    /** Records the first errorDetail without logging it; passes progress on. */
    private static final class StreamCallback<T extends ResponseItem> extends ResultCallback.Adapter<T> {
        private final ProgressTracker tracker;
        volatile String error;

        StreamCallback(ProgressTracker tracker) {
            this.tracker = tracker;
        }

        @Override
        public void onNext(T item) {
            if (error == null && item.getErrorDetail() != null) {
                error = item.getErrorDetail().getMessage();
            } else if (error == null && item.getError() != null) {
                error = item.getError();
            } else {
                tracker.accept(item);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            if (error == null) {
                error = EngineErrors.message(throwable);
            }
            RawEngine.closeQuietly(this);
        }
    }
}
