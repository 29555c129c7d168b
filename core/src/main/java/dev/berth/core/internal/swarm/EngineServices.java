package dev.berth.core.internal.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.BerthLabels;
import dev.berth.NotFoundException;
import dev.berth.ServiceInfo;
import dev.berth.ServiceSpec;
import dev.berth.Services;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code docker service create / ls}; handles by name or id. */
public final class EngineServices implements Services {
    private final SwarmCalls calls;

    EngineServices(SwarmCalls calls) {
        this.calls = calls;
    }

    @Override
    public EngineService create(ServiceSpec spec) {
        ObjectNode json = toJson(spec.label(BerthLabels.MANAGED, "true"));
        return create(spec.name(), json, spec.resolvesImage());
    }

    /** Creates from engine JSON (stacks write their own); the image is pinned to its digest as the CLI does. */
    EngineService create(String name, ObjectNode json, boolean resolveImage) {
        if (resolveImage) {
            ImageResolver.pin(calls, json);
        }
        JsonNode created = calls.post("service create " + name, "/services/create", json);
        return new EngineService(calls, created.path("ID").asText(), name);
    }

    ObjectNode toJson(ServiceSpec spec) {
        return ServiceJson.write(spec, name -> objectId("secret", "/secrets/", name),
                name -> objectId("config", "/configs/", name));
    }

    private String objectId(String kind, String path, String name) {
        try {
            return calls.get(kind + " inspect " + name, path + SwarmCalls.encode(name)).path("ID").asText();
        } catch (NotFoundException e) {
            throw new NotFoundException("The service refers to " + kind + " '" + name + "', which does not exist."
                    + " Fix: create it first with docker.swarm()." + kind + "s().create(\"" + name + "\", ...)", e);
        }
    }

    @Override
    public EngineService get(String nameOrId) {
        JsonNode service = inspectJson(nameOrId);
        return new EngineService(calls, service.path("ID").asText(), service.path("Spec").path("Name").asText());
    }

    JsonNode inspectJson(String nameOrId) {
        return calls.get("service inspect " + nameOrId, "/services/" + SwarmCalls.encode(nameOrId));
    }

    @Override
    public List<ServiceInfo> list() {
        return list(Map.of());
    }

    /** {@code docker service ls --filter}, with the running/desired counts ({@code status=true}, API 1.41). */
    List<ServiceInfo> list(Map<String, List<String>> filters) {
        String query = SwarmCalls.filters(filters);
        List<ServiceInfo> services = new ArrayList<>();
        calls.get("service ls", "/services?status=true" + (query.isEmpty() ? "" : "&" + query))
                .forEach(s -> services.add(ServiceReader.info(s)));
        services.sort(java.util.Comparator.comparing(ServiceInfo::name));
        return services;
    }

    /** The raw service objects (for stacks: their specs are compared before an update). */
    List<JsonNode> listJson(Map<String, List<String>> filters) {
        String query = SwarmCalls.filters(filters);
        List<JsonNode> services = new ArrayList<>();
        calls.get("service ls", "/services" + (query.isEmpty() ? "" : "?" + query)).forEach(services::add);
        return services;
    }

    SwarmCalls calls() {
        return calls;
    }
}
