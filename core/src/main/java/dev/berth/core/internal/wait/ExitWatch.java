package dev.berth.core.internal.wait;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.WaitResponse;
import dev.berth.DockerClosedException;
import dev.berth.EngineConnectionLostException;
import dev.berth.core.internal.engine.EngineErrors;
import dev.berth.core.internal.transport.RawEngine;
import dev.berth.core.internal.transport.TransportFailure;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One long-poll {@code POST /containers/{id}/wait} held open while a wait runs: the engine answers the moment the
 * container stops, so a crash is seen at once without inspecting on every poll.
 *
 * <p>A long-poll that breaks (engine restart, cut connection) is not evidence either way: it is opened again, and the
 * engine answers at once if the container stopped in the meantime. If it cannot be opened again, the watch fails with
 * {@link EngineConnectionLostException} rather than let a wait report a wrong verdict.
 */
public final class ExitWatch {
    /** Breaks tolerated in one watch: more means the connection is not coming back. */
    private static final int MAX_REOPENS = 5;
    private final Supplier<Poll> open;
    private final String label;
    private volatile Poll current;
    private int reopens;

    private ExitWatch(Supplier<Poll> open, String label) {
        this.open = open;
        this.label = label;
        this.current = open.get();
    }

    public static ExitWatch start(com.github.dockerjava.api.DockerClient streamingClient, String containerId,
            String label) {
        return new ExitWatch(() -> streamingClient.waitContainerCmd(containerId).exec(new Poll()), label);
    }

    /** True once the engine said the container stopped; reopens a broken long-poll first. */
    public boolean exited() {
        Poll poll = current;
        if (poll.ended) {
            return true;
        }
        if (poll.failure != null) {
            reopen(poll.failure);
        }
        return false;
    }

    private synchronized void reopen(Throwable failure) {
        TransportFailure transport = TransportFailure.in(failure);
        if (transport != null && transport.kind() == TransportFailure.Kind.CLOSED) {
            throw new DockerClosedException("wait for " + label + " to exit", failure);
        }
        if (++reopens > MAX_REOPENS) {
            throw EngineConnectionLostException.during("the wait for " + label + " to exit", failure);
        }
        RawEngine.closeQuietly(current);
        try {
            current = open.get();
        } catch (RuntimeException e) {
            throw EngineErrors.stream("the wait for " + label + " to exit (reopening it after: "
                    + RawEngine.describe(failure) + ")", e);
        }
    }

    public Integer exitCode() {
        return current.exitCode;
    }

    /** Blocks until the container exits or the timeout passes; the exit code, or null at the timeout. */
    public Integer await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Poll poll = current;
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            poll.awaitDone(left);
            if (poll.ended) {
                return poll.exitCode;
            }
            if (poll.failure != null) {
                reopen(poll.failure);
            }
        }
    }

    public void closeQuietly() {
        RawEngine.closeQuietly(current);
    }

    /** One long-poll; a failure is recorded, never logged or thrown from the transport's thread. */
    static final class Poll extends ResultCallback.Adapter<WaitResponse> {
        private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        volatile Integer exitCode;
        volatile boolean ended;
        volatile Throwable failure;
        private volatile boolean closedByUs;

        @Override
        public void onNext(WaitResponse response) {
            exitCode = response.getStatusCode();
            ended = true;
            done.countDown();
        }

        @Override
        public void onError(Throwable throwable) {
            if (!closedByUs && !ended) {
                failure = throwable;
            }
            done.countDown();
            RawEngine.closeQuietly(this);
        }

        @Override
        public void onComplete() {
            if (!ended && !closedByUs && failure == null) {
                failure = new TransportFailure(TransportFailure.Kind.LOST, "the wait ended without an answer", null);
            }
            done.countDown();
            super.onComplete();
        }

        void awaitDone(long nanos) throws InterruptedException {
            done.await(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void close() throws java.io.IOException {
            closedByUs = true;
            done.countDown();
            super.close();
        }
    }
}
