package dev.berth.core.internal;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PullResponseItem;
import dev.berth.ImageNotFoundException;
import dev.berth.ImagePullException;
import dev.berth.ImageRef;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pulls an image; failure is read from the stream's errorDetail (or the HTTP error), never from status text. */
final class ImagePuller {
    private static final Logger LOG = LoggerFactory.getLogger(ImagePuller.class);
    private static final long PULL_DEADLINE_MINUTES = 30;

    private ImagePuller() {
    }

    static void pull(EngineDocker engine, String reference, ImageRef ref) {
        LOG.info("Pulling {}", ref.familiar());
        String from = ref.familiar();
        String tagOrDigest = ref.digest() != null ? ref.digest() : ref.tag();
        String name = from.substring(0, from.length() - (ref.digest() != null ? ref.digest().length() + 1
                : ref.tag().length() + 1));
        var callback = new ErrorDetailCallback();
        try {
            engine.streamingClient().pullImageCmd(name).withTag(tagOrDigest).exec(callback);
            if (!callback.awaitCompletion(PULL_DEADLINE_MINUTES, TimeUnit.MINUTES)) {
                throw new ImagePullException("Pull of " + reference + " did not finish within "
                        + PULL_DEADLINE_MINUTES + " minutes; check the registry's reachability.", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImagePullException("Interrupted while pulling " + reference, e);
        } catch (RuntimeException e) {
            throw translate(reference, ref, EngineErrors.message(e), e);
        } finally {
            RawEngine.closeQuietly(callback);
        }
        if (callback.error != null) {
            throw translate(reference, ref, callback.error, null);
        }
    }

    private static RuntimeException translate(String reference, ImageRef ref, String message, Throwable cause) {
        if (cause instanceof dev.berth.DockerException berth) {
            return berth;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("not found") || lower.contains("manifest unknown") || lower.contains("does not exist")
                || lower.contains("pull access denied") || lower.contains("no such host")
                || lower.contains("connection refused") && ref.registry().equals(ImageRef.DOCKER_HUB)) {
            return new ImageNotFoundException(reference, ref.registry(), message, cause);
        }
        return new ImagePullException("Pull of " + reference + " from " + ref.registry() + " failed: " + message
                + ". Check the registry address, your network and (for private images) your login.", cause);
    }

    /** Remembers the first errorDetail in the progress stream, or the HTTP error, without logging it. */
    private static final class ErrorDetailCallback extends ResultCallback.Adapter<PullResponseItem> {
        volatile String error;

        @Override
        public void onError(Throwable throwable) {
            if (error == null) {
                error = EngineErrors.message(throwable);
            }
            RawEngine.closeQuietly(this);
        }

        @Override
        public void onNext(PullResponseItem item) {
            if (error == null && item.getErrorDetail() != null) {
                error = item.getErrorDetail().getMessage();
            } else if (error == null && item.getError() != null) {
                error = item.getError();
            }
        }
    }
}
