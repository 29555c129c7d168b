package dev.berth.core.internal.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.ConflictException;
import dev.berth.DockerException;
import dev.berth.NotFoundException;
import dev.berth.NotInSwarmException;
import dev.berth.core.internal.engine.Engine;
import dev.berth.core.internal.engine.EngineErrors;
import dev.berth.core.internal.transport.RawEngine;
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

    static ObjectNode object() {
        return RawEngine.json().createObjectNode();
    }

    /** Runs a request; 503 "not a swarm manager", 404 and 409 become their typed errors. */
    <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (RawEngine.HttpError e) {
            String message = e.getMessage();
            if (e.status == 503 && message.contains("swarm")) {
                throw new NotInSwarmException(what + " failed: " + message + " Fix: docker.swarm().init(\"127.0.0.1\")"
                        + " (docker swarm init), or run it on a manager node.", e);
            }
            if (e.status == 404) {
                throw new NotFoundException(what + " failed: " + message, e);
            }
            if (e.status == 409) {
                throw new ConflictException(what + " failed: " + message, e);
            }
            if (e.status == 400) {
                throw new DockerException(what + " was refused by the engine: " + message
                        + " (HTTP 400: the spec breaks an engine rule)", e);
            }
            throw EngineErrors.generic(what, e);
        } catch (RuntimeException e) {
            throw EngineErrors.generic(what, e);
        }
    }

    static String encode(String value) {
        return RawEngine.encode(value);
    }

    static String filters(java.util.Map<String, java.util.List<String>> filters) {
        return RawEngine.filters(filters);
    }
}
