package dev.berth.core.internal;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/** Counts every request sent to the engine, so tests and benchmarks can see the calls an operation costs. */
final class CountingHttpClient implements DockerHttpClient {
    private final DockerHttpClient delegate;
    private final AtomicLong requests = new AtomicLong();

    CountingHttpClient(DockerHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public Response execute(Request request) {
        requests.incrementAndGet();
        return delegate.execute(request);
    }

    /** For requests Berth sends on its own sockets (hijacked streams). */
    void countOne() {
        requests.incrementAndGet();
    }

    long requests() {
        return requests.get();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
