package dev.berth.core.internal.containers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.ContainerSettings;
import dev.berth.Protocol;
import dev.berth.PublishedPort;
import dev.berth.RestartPolicy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code docker inspect}'s JSON into {@link ContainerSettings}. It reads the JSON itself, not docker-java's
 * model: docker-java 3.7.1 has no {@code Type} on a mount and reads capabilities into an enum that knows only the
 * names it was built with. The fields read here have one shape on API 1.41 and 1.51 (checked on both engines in
 * InspectSettingsTest); missing or null values read as "not set".
 */
final class SettingsMapper {
    private SettingsMapper() {
    }

    static ContainerSettings settings(JsonNode inspect) {
        JsonNode config = inspect.path("Config");
        JsonNode host = inspect.path("HostConfig");
        return new ContainerSettings(
                config.path("User").asText(""),
                env(config.path("Env")),
                host.path("Memory").asLong(0),
                host.path("NanoCpus").asLong(0),
                host.path("CpuShares").asLong(0),
                Math.max(0, host.path("PidsLimit").asLong(0)),
                restart(host.path("RestartPolicy")),
                host.path("ReadonlyRootfs").asBoolean(false),
                strings(host.path("CapAdd")),
                strings(host.path("CapDrop")),
                mounts(inspect.path("Mounts")),
                portBindings(host.path("PortBindings")),
                host.path("Privileged").asBoolean(false),
                host.path("Init").isBoolean() ? host.path("Init").asBoolean() : null,
                host.path("NetworkMode").asText(""),
                stringMap(host.path("Tmpfs")),
                ulimits(host.path("Ulimits")),
                strings(host.path("SecurityOpt")));
    }

    private static Map<String, String> env(JsonNode env) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : strings(env)) {
            int eq = entry.indexOf('=');
            map.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
        }
        return map;
    }

    /** The engine writes "" (20.10) or "no" for no policy. */
    private static RestartPolicy restart(JsonNode policy) {
        String name = policy.path("Name").asText("");
        int retries = policy.path("MaximumRetryCount").asInt(0);
        if (name.isEmpty() || name.equals("no")) {
            return RestartPolicy.NO;
        }
        return name.equals("on-failure") ? RestartPolicy.onFailure(retries) : new RestartPolicy(name, 0);
    }

    private static List<ContainerSettings.MountPoint> mounts(JsonNode mounts) {
        List<ContainerSettings.MountPoint> list = new ArrayList<>();
        for (JsonNode m : mounts) {
            list.add(new ContainerSettings.MountPoint(m.path("Type").asText(""), text(m.path("Name")),
                    m.path("Source").asText(""), m.path("Destination").asText(""), m.path("Mode").asText(""),
                    m.path("RW").asBoolean(true)));
        }
        return list;
    }

    /** {"80/tcp": [{"HostIp": "127.0.0.1", "HostPort": ""}]}: an empty host port is a random one (0 here). */
    private static List<PublishedPort> portBindings(JsonNode bindings) {
        List<PublishedPort> list = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = bindings.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String[] portAndProtocol = e.getKey().split("/", 2);
            int containerPort = Integer.parseInt(portAndProtocol[0]);
            Protocol protocol = Protocol.valueOf(
                    (portAndProtocol.length > 1 ? portAndProtocol[1] : "tcp").toUpperCase(Locale.ROOT));
            for (JsonNode b : e.getValue()) {
                String hostPort = b.path("HostPort").asText("");
                list.add(new PublishedPort(containerPort, protocol, b.path("HostIp").asText(""),
                        hostPort.isEmpty() ? 0 : Integer.parseInt(hostPort)));
            }
        }
        return list;
    }

    private static List<ContainerSettings.Ulimit> ulimits(JsonNode ulimits) {
        List<ContainerSettings.Ulimit> list = new ArrayList<>();
        for (JsonNode u : ulimits) {
            list.add(new ContainerSettings.Ulimit(u.path("Name").asText(""), u.path("Soft").asLong(),
                    u.path("Hard").asLong()));
        }
        return list;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        for (JsonNode item : array) {
            list.add(item.asText());
        }
        return list;
    }

    private static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), e.getValue().asText(""));
        }
        return map;
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }
}
