package dev.berth.core.internal.containers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.berth.ContainerSettings;
import dev.berth.ContainerState;
import dev.berth.DockerException;
import dev.berth.ContainerStatus;
import dev.berth.Health;
import dev.berth.Protocol;
import dev.berth.PublishedPort;
import dev.berth.core.internal.engine.Timestamps;
import dev.berth.core.internal.transport.RawEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads docker-java's inspect response into Berth's {@link ContainerState}. */
final class StateMapper {
    private StateMapper() {
    }

    /** docker-java's model classes, read leniently: an engine newer than docker-java adds fields. */
    private static final ObjectMapper LENIENT = RawEngine.json().copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** From the inspect JSON: the state through docker-java's model, the settings read directly. */
    static ContainerState state(JsonNode json) {
        InspectContainerResponse r;
        try {
            r = LENIENT.treeToValue(json, InspectContainerResponse.class);
        } catch (JsonProcessingException e) {
            throw new DockerException("Cannot read the engine's inspect answer: " + e.getOriginalMessage(), e);
        }
        return state(r, SettingsMapper.settings(json));
    }

    static ContainerState state(InspectContainerResponse r, ContainerSettings settings) {
        var s = r.getState();
        Map<String, String> ips = new LinkedHashMap<>();
        if (r.getNetworkSettings() != null && r.getNetworkSettings().getNetworks() != null) {
            for (Map.Entry<String, ContainerNetwork> e : r.getNetworkSettings().getNetworks().entrySet()) {
                String ip = e.getValue().getIpAddress();
                if (ip != null && !ip.isEmpty()) {
                    ips.put(e.getKey(), ip);
                }
            }
        }
        Map<String, String> labels = r.getConfig() != null && r.getConfig().getLabels() != null
                ? r.getConfig().getLabels() : Map.of();
        return new ContainerState(r.getId(), stripSlash(r.getName()), r.getConfig() == null ? null : r.getConfig().getImage(),
                ContainerStatus.parse(s.getStatus()), s.getExitCode(), Boolean.TRUE.equals(s.getOOMKilled()),
                r.getHostConfig() == null || r.getHostConfig().getMemory() == null ? 0 : r.getHostConfig().getMemory(),
                Health.parse(s.getHealth() == null ? null : s.getHealth().getStatus()), Timestamps.parse(s.getStartedAt()),
                Timestamps.parse(s.getFinishedAt()), r.getRestartCount() == null ? 0 : r.getRestartCount(), ips, ports(r),
                labels, settings);
    }

    static List<PublishedPort> ports(InspectContainerResponse r) {
        List<PublishedPort> ports = new ArrayList<>();
        if (r.getNetworkSettings() == null || r.getNetworkSettings().getPorts() == null) {
            return ports;
        }
        for (Map.Entry<ExposedPort, Ports.Binding[]> e : r.getNetworkSettings().getPorts().getBindings().entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            ExposedPort exposed = e.getKey();
            Protocol protocol = Protocol.valueOf(exposed.getProtocol().name().toUpperCase(Locale.ROOT));
            for (Ports.Binding b : e.getValue()) {
                if (b.getHostPortSpec() == null || b.getHostPortSpec().isEmpty()) {
                    continue;
                }
                ports.add(new PublishedPort(exposed.getPort(), protocol, b.getHostIp(),
                        Integer.parseInt(b.getHostPortSpec())));
            }
        }
        return ports;
    }

    static String stripSlash(String name) {
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }
}
