package dev.berth.core.internal.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.berth.core.internal.engine.Engine;
import dev.berth.core.internal.transport.RawEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /containers/ID/json} through docker-java, with one repair: {@code docker compose} creates containers
 * whose {@code Config.ExposedPorts} holds a range key ({@code "9000-9001/udp"} from {@code expose}), which the
 * engine keeps verbatim and docker-java's port parser rejects ("Error parsing ExposedPort"). Such an answer is read
 * again raw, the range spelled out port by port, and then mapped as usual: one more request, only for those.
 */
final class ContainerInspect {
    private static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d+)(/\\w+)?");

    private ContainerInspect() {
    }

    static InspectContainerResponse of(Engine engine, String idOrName) {
        try {
            return engine.client().inspectContainerCmd(idOrName).exec();
        } catch (RuntimeException e) {
            if (!mentionsExposedPort(e)) {
                throw e;
            }
        }
        JsonNode tree = engine.raw().get("/containers/" + RawEngine.encode(idOrName) + "/json");
        if (tree.path("Config").get("ExposedPorts") instanceof ObjectNode ports) {
            List<String> keys = new ArrayList<>();
            ports.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                Matcher range = RANGE.matcher(key);
                if (range.matches()) {
                    ports.remove(key);
                    String protocol = range.group(3) == null ? "/tcp" : range.group(3);
                    for (int p = Integer.parseInt(range.group(1)); p <= Integer.parseInt(range.group(2)); p++) {
                        ports.putObject(p + protocol);
                    }
                }
            }
        }
        try {
            return engine.dockerJavaJson().treeToValue(tree, InspectContainerResponse.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the inspect answer of " + idOrName + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private static boolean mentionsExposedPort(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Error parsing ExposedPort")) {
                return true;
            }
        }
        return false;
    }
}
