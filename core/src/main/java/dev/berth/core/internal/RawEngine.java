package dev.berth.core.internal;

import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/** Requests docker-java does not model well, sent through the same transport (so they are counted too). */
final class RawEngine {
    private final DockerHttpClient http;

    RawEngine(DockerHttpClient http) {
        this.http = http;
    }

    record PingReply(String apiVersion, String osType, Duration roundTrip) {
    }

    /** {@code GET /_ping}: cheap, unversioned, and its headers carry the engine's API version. */
    PingReply ping() {
        long start = System.nanoTime();
        Request request = Request.builder().method(Request.Method.GET).path("/_ping").build();
        try (DockerHttpClient.Response response = http.execute(request)) {
            drain(response.getBody());
            if (response.getStatusCode() != 200) {
                throw new IllegalStateException("/_ping answered HTTP " + response.getStatusCode());
            }
            return new PingReply(response.getHeader("API-Version"), response.getHeader("OSType"),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static void drain(InputStream body) {
        try (body) {
            body.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The innermost useful message of a connection failure. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException ignored) {
            // closing after a failure: the original error matters more
        }
    }
}
