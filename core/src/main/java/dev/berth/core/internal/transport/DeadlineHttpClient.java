package dev.berth.core.internal.transport;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Gives each short request a deadline for the engine's answer. docker-java's socket timeout does not apply to unix
 * sockets, so the request runs on a pooled thread and the caller stops waiting at the deadline; a late answer is
 * closed when it arrives.
 */
public final class DeadlineHttpClient implements DockerHttpClient {
    private final DockerHttpClient delegate;
    private final long timeoutNanos;
    private final ExecutorService requests = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "berth-request");
        thread.setDaemon(true);
        return thread;
    });

    public DeadlineHttpClient(DockerHttpClient delegate, Duration timeout) {
        this.delegate = delegate;
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public Response execute(Request request) {
        Future<Response> pending = requests.submit(() -> delegate.execute(request));
        try {
            return pending.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            requests.submit(() -> closeWhenDone(pending));
            throw new RuntimeException(new SocketTimeoutException(request.method() + " " + request.path()
                    + ": no answer within " + Duration.ofNanos(timeoutNanos).toMillis() + " ms"));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new RuntimeException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            throw new RuntimeException("interrupted while waiting for the engine", e);
        }
    }

    private static void closeWhenDone(Future<Response> pending) {
        try {
            pending.get().close();
        } catch (Exception ignored) {
            // the request failed late: nothing to close
        }
    }

    @Override
    public void close() throws IOException {
        requests.shutdownNow();
        delegate.close();
    }
}
