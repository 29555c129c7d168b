package dev.berth.core.internal.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.ConflictException;
import dev.berth.DockerException;
import dev.berth.NotFoundException;
import dev.berth.NotInSwarmException;
import dev.berth.core.internal.engine.Engine;
import dev.berth.core.internal.engine.Failures;
import dev.berth.core.internal.transport.RawEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Swarm requests on the raw transport, and their errors in Berth's terms. Swarm specs go as JSON Berth writes
 * itself: docker-java's swarm model drops fields the CLI sets (and the fidelity with {@code docker stack deploy}
 * is checked field by field), so nothing here passes through it.
 */
final class SwarmCalls {
    private final Engine engine;

    SwarmCalls(Engine engine) {
        this.engine = engine;
    }

    Engine engine() {
        return engine;
    }

    JsonNode get(String what, String path) {
        return call(what, () -> engine.raw().get(path));
    }

    JsonNode post(String what, String path, Object body) {
        return call(what, () -> engine.raw().post(path, body));
    }

    JsonNode post(String what, String path) {
        return call(what, () -> engine.raw().post(path));
    }

    JsonNode delete(String what, String path) {
        return call(what, () -> engine.raw().delete(path));
    }

    /**
     * Runs independent requests side by side: a swarm manager answers each in milliseconds, so a stack's creates
     * cost about one round trip instead of one each. Waits for all of them before it throws the first failure, so
     * nothing is still being created when the caller sees the error.
     */
    void together(String what, List<Runnable> requests) {
        if (requests.size() <= 1) {
            requests.forEach(Runnable::run);
            return;
        }
        List<Future<?>> running = new ArrayList<>();
        for (Runnable request : requests) {
            running.add(engine.inBackground(what, () -> {
                request.run();
                return null;
            }));
        }
        RuntimeException first = null;
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException runtime ? runtime
                            : new DockerException(what + " failed: " + e.getCause(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.forEach(f -> f.cancel(true));
                throw new DockerException("Interrupted during " + what, e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    static ObjectNode object() {
        return RawEngine.json().createObjectNode();
    }

    /** Runs a request; 503 "not a swarm manager", 404, 409 and 400 get their meanings. */
    <T> T call(String what, Supplier<T> request) {
        return engine.call(what, request, failures(what));
    }

    private static Failures failures(String what) {
        return Failures.on(503, f -> f.message().contains("swarm")
                        ? new NotInSwarmException(what + " failed: " + f.message() + " Fix: docker.swarm()"
                        + ".init(\"127.0.0.1\") (docker swarm init), or run it on a manager node.", f.cause())
                        : f.unexplained())
                .and(404, f -> new NotFoundException(what + " failed: " + f.message(), f.cause()))
                .and(409, f -> new ConflictException(what + " failed: " + f.message(), f.cause()))
                .and(400, f -> new DockerException(what + " was refused by the engine: " + f.message()
                        + " (HTTP 400: the spec breaks an engine rule)", f.cause()));
    }

    static String encode(String value) {
        return RawEngine.encode(value);
    }

    static String filters(java.util.Map<String, java.util.List<String>> filters) {
        return RawEngine.filters(filters);
    }
}
