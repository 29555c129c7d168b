package dev.berth.core.internal.wait;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.WaitResponse;
import dev.berth.core.internal.transport.RawEngine;

/**
 * One long-poll {@code POST /containers/{id}/wait} held open while a wait runs: the engine answers the moment the
 * container stops, so a crash is seen at once without inspecting on every poll.
 */
public final class ExitWatch extends ResultCallback.Adapter<WaitResponse> {
    private volatile Integer exitCode;
    private volatile boolean ended;

    public static ExitWatch start(com.github.dockerjava.api.DockerClient streamingClient, String containerId) {
        return streamingClient.waitContainerCmd(containerId).exec(new ExitWatch());
    }

    @Override
    public void onNext(WaitResponse response) {
        exitCode = response.getStatusCode();
        ended = true;
    }

    @Override
    public void onError(Throwable throwable) {
        // our own close, or a broken stream: not evidence that the container stopped
        super.onError(throwable);
    }

    boolean exited() {
        return ended;
    }

    public Integer exitCode() {
        return exitCode;
    }

    public void closeQuietly() {
        RawEngine.closeQuietly(this);
    }
}
