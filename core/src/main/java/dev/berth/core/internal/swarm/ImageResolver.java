package dev.berth.core.internal.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.DockerException;

/**
 * Pins a service's image to the registry's digest and records the image's platforms, as {@code docker service
 * create} and {@code docker stack deploy} do ({@code --resolve-image always}): every node then runs the same image
 * even if the tag moves. When the registry cannot be asked (offline, private without credentials) the tag is kept,
 * as the CLI does after its warning.
 */
final class ImageResolver {
    private ImageResolver() {
    }

    static void pin(SwarmCalls calls, ObjectNode service) {
        ObjectNode task = (ObjectNode) service.path("TaskTemplate");
        ObjectNode container = (ObjectNode) task.path("ContainerSpec");
        String image = container.path("Image").asText();
        if (image.contains("@")) {
            return;
        }
        JsonNode distribution;
        try {
            distribution = calls.get("distribution inspect " + image, "/distribution/" + image + "/json");
        } catch (DockerException e) {
            return;
        }
        String digest = distribution.path("Descriptor").path("digest").asText();
        if (digest.isEmpty()) {
            return;
        }
        container.put("Image", image + "@" + digest);
        ArrayNode platforms = SwarmCalls.object().arrayNode();
        for (JsonNode p : distribution.path("Platforms")) {
            if (!p.path("architecture").asText().isEmpty() || !p.path("os").asText().isEmpty()) {
                ObjectNode platform = platforms.addObject();
                platform.put("Architecture", p.path("architecture").asText());
                platform.put("OS", p.path("os").asText());
            }
        }
        if (!platforms.isEmpty()) {
            task.with("Placement").set("Platforms", platforms);
        }
    }
}
