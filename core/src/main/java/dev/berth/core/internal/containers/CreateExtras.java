package dev.berth.core.internal.containers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Create-request fields {@code docker compose up} sends that {@link dev.berth.ContainerSpec} does not model (yet):
 * written into the request's JSON as Compose writes them, so the engine gets the same container. Empty lists, empty
 * maps and nulls leave the engine's default.
 *
 * @param exposedPorts {@code Config.ExposedPorts} keys as written in the file ({@code "8080"}, {@code "9000-9001/udp"}),
 *     added to those of the published ports; Compose sends them unparsed
 * @param volumesFrom {@code HostConfig.VolumesFrom}: container IDs or names
 * @param logDriver {@code HostConfig.LogConfig.Type}; null (with options) for the engine's default driver
 * @param logOptions {@code HostConfig.LogConfig.Config}
 * @param devices {@code HostConfig.Devices}
 * @param dnsOptions {@code HostConfig.DnsOptions}
 * @param memoryReservation {@code HostConfig.MemoryReservation} in bytes, or null
 * @param healthStartInterval {@code Config.Healthcheck.StartInterval} (API 1.44+), or null; needs a health check
 * @param endpoint links and fixed addresses on the network the container is created on, or null
 */
public record CreateExtras(List<String> exposedPorts, List<String> volumesFrom, String logDriver,
        Map<String, String> logOptions, List<Device> devices, List<String> dnsOptions, Long memoryReservation,
        Duration healthStartInterval, Endpoint endpoint) {
    /** Nothing beyond the spec. */
    public static final CreateExtras NONE = new CreateExtras(List.of(), List.of(), null, Map.of(), List.of(),
            List.of(), null, null, null);

    public CreateExtras {
        exposedPorts = List.copyOf(exposedPorts);
        volumesFrom = List.copyOf(volumesFrom);
        logOptions = Map.copyOf(logOptions);
        devices = List.copyOf(devices);
        dnsOptions = List.copyOf(dnsOptions);
    }

    /** {@code --device HOST:CONTAINER:PERMISSIONS}. */
    public record Device(String pathOnHost, String pathInContainer, String permissions) {
    }

    /**
     * One network endpoint beyond its aliases: legacy links ({@code CONTAINER:ALIAS}, which on a user-defined network
     * are extra names for that container, seen only by this one) and fixed IPv4/IPv6 addresses (null: the engine
     * picks).
     */
    public record Endpoint(List<String> links, String ipv4Address, String ipv6Address) {
        public Endpoint {
            links = List.copyOf(links);
        }

        boolean isEmpty() {
            return links.isEmpty() && ipv4Address == null && ipv6Address == null;
        }
    }

    /** Writes the fields into docker-java's serialized create command ({@code network}: the endpoint's network). */
    void applyTo(ObjectNode request, String network) {
        if (!exposedPorts.isEmpty()) {
            ObjectNode exposed = request.has("ExposedPorts") && request.get("ExposedPorts").isObject()
                    ? (ObjectNode) request.get("ExposedPorts") : request.putObject("ExposedPorts");
            exposedPorts.forEach(p -> exposed.putObject(p));
        }
        ObjectNode host = request.has("HostConfig") && request.get("HostConfig").isObject()
                ? (ObjectNode) request.get("HostConfig") : request.putObject("HostConfig");
        if (!volumesFrom.isEmpty()) {
            var from = host.putArray("VolumesFrom");
            volumesFrom.forEach(from::add);
        }
        if (logDriver != null || !logOptions.isEmpty()) {
            ObjectNode log = host.putObject("LogConfig");
            log.put("Type", logDriver == null ? "" : logDriver);
            ObjectNode config = log.putObject("Config");
            logOptions.forEach(config::put);
        }
        if (!devices.isEmpty()) {
            var list = host.putArray("Devices");
            devices.forEach(d -> list.addObject().put("PathOnHost", d.pathOnHost())
                    .put("PathInContainer", d.pathInContainer()).put("CgroupPermissions", d.permissions()));
        }
        if (!dnsOptions.isEmpty()) {
            var list = host.putArray("DnsOptions");
            dnsOptions.forEach(list::add);
        }
        if (memoryReservation != null) {
            host.put("MemoryReservation", memoryReservation);
        }
        if (healthStartInterval != null && request.get("Healthcheck") instanceof ObjectNode health) {
            health.put("StartInterval", healthStartInterval.toNanos());
        }
        if (endpoint != null && !endpoint.isEmpty() && network != null) {
            ObjectNode endpoints = request.has("NetworkingConfig") ? (ObjectNode) request.get("NetworkingConfig")
                    .get("EndpointsConfig") : request.putObject("NetworkingConfig").putObject("EndpointsConfig");
            ObjectNode settings = endpoints.has(network) ? (ObjectNode) endpoints.get(network)
                    : endpoints.putObject(network);
            if (!endpoint.links().isEmpty()) {
                var links = settings.putArray("Links");
                endpoint.links().forEach(links::add);
            }
            if (endpoint.ipv4Address() != null || endpoint.ipv6Address() != null) {
                ObjectNode ipam = settings.putObject("IPAMConfig");
                if (endpoint.ipv4Address() != null) {
                    ipam.put("IPv4Address", endpoint.ipv4Address());
                }
                if (endpoint.ipv6Address() != null) {
                    ipam.put("IPv6Address", endpoint.ipv6Address());
                }
            }
        }
    }
}
