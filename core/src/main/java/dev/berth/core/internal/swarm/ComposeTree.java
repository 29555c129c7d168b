package dev.berth.core.internal.swarm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.ComposeProject;
import dev.berth.DockerException;
import dev.berth.core.internal.transport.RawEngine;

/**
 * Where {@link ComposeToSwarm} gets its tree from: the loaded project in the shape of
 * {@code docker compose config --format json} (the same loader {@code up} uses; the mapping reads either spelling
 * of a value, so it does not depend on every normalization the loader makes).
 */
final class ComposeTree {
    private ComposeTree() {
    }

    static JsonNode read(ComposeProject project) {
        try {
            return RawEngine.json().readTree(project.toJson());
        } catch (JsonProcessingException e) {
            throw new DockerException("The compose loader wrote JSON Berth cannot read back: " + e.getMessage(), e);
        }
    }
}
