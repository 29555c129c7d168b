package dev.berth.core.internal.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Requests docker-java does not model well, sent through the same transport (so they are counted too). */
public final class RawEngine implements AutoCloseable {
    private final DockerHttpClient http;
    private volatile String apiVersion;

    public RawEngine(DockerHttpClient http) {
        this.http = http;
    }

    /** Closes the transport (only for a RawEngine that owns it, e.g. one opened for a cleanup). */
    @Override
    public void close() {
        closeQuietly(http);
    }

    /** After negotiation: versioned paths from now on. */
    public void pin(String version) {
        this.apiVersion = version;
    }

    /** Lazily made: connecting and pinging never pay for Jackson's start-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    public static ObjectMapper json() {
        return Json.MAPPER;
    }

    public JsonNode get(String path) {
        return send(Request.Method.GET, path);
    }

    /** {@code GET /version} without a version prefix: what the engine is, before a version is pinned. */
    public JsonNode unversionedVersion() {
        Request request = Request.builder().method(Request.Method.GET).path("/version").build();
        try (DockerHttpClient.Response response = http.execute(request); InputStream answer = response.getBody()) {
            return json().readTree(answer.readAllBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public JsonNode post(String path) {
        return send(Request.Method.POST, path);
    }

    public JsonNode delete(String path) {
        return send(Request.Method.DELETE, path);
    }

    /** POST with a JSON body. */
    public JsonNode post(String path, Object body) {
        try {
            return send(Request.Method.POST, path, json().writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** POST with a body already encoded as JSON. */
    public JsonNode postJson(String path, byte[] json) {
        return send(Request.Method.POST, path, json);
    }

    JsonNode send(Request.Method method, String path) {
        return send(method, path, null);
    }

    /** Sends a versioned request and reads a JSON answer (an empty body becomes a missing node). */
    JsonNode send(Request.Method method, String path, byte[] body) {
        Request.Builder request = Request.builder().method(method).path("/v" + apiVersion + path);
        if (body != null) {
            request.putHeader("Content-Type", "application/json").bodyBytes(body);
        }
        try (DockerHttpClient.Response response = http.execute(request.build());
             InputStream answer = response.getBody()) {
            byte[] bytes = answer.readAllBytes();
            int status = response.getStatusCode();
            if (status / 100 != 2) {
                throw HttpError.of(status, new String(bytes, StandardCharsets.UTF_8));
            }
            return bytes.length == 0 ? json().missingNode() : json().readTree(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The engine's filters query parameter: {@code filters={"label":["a=b"]}}, URL-encoded. */
    public static String filters(Map<String, List<String>> filters) {
        if (filters.isEmpty()) {
            return "";
        }
        try {
            return "filters=" + URLEncoder.encode(json().writeValueAsString(filters), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public record PingReply(String apiVersion, String osType, Duration roundTrip) {
    }

    /** {@code GET /_ping}: cheap, unversioned, and its headers carry the engine's API version. */
    public PingReply ping() {
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
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    public static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException ignored) {
            // closing after a failure: the original error matters more
        }
    }
}
