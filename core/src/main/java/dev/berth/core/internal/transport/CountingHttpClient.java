package dev.berth.core.internal.transport;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/** Counts every request sent to the engine, so tests and benchmarks can see the calls an operation costs. */
public final class CountingHttpClient implements DockerHttpClient {
    private final DockerHttpClient delegate;
    private final AtomicLong requests;

    public CountingHttpClient(DockerHttpClient delegate, AtomicLong sharedCounter) {
        this.delegate = delegate;
        this.requests = sharedCounter;
    }

    @Override
    public Response execute(Request request) {
        requests.incrementAndGet();
        return delegate.execute(request);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
