package dev.berth.core.internal.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.Protocol;
import dev.berth.ServicePort;
import dev.berth.ServiceInfo;
import dev.berth.TaskInfo;
import java.util.ArrayList;
import java.util.List;

/** The engine's service and task JSON as Berth's values. */
final class ServiceReader {
    private ServiceReader() {
    }

    static ServiceInfo info(JsonNode s) {
        JsonNode spec = s.path("Spec");
        boolean global = spec.path("Mode").has("Global");
        int replicas = global ? 0 : spec.path("Mode").path("Replicated").path("Replicas").asInt(1);
        List<ServicePort> ports = ports(s.path("Endpoint").path("Ports"));
        JsonNode status = s.path("ServiceStatus");
        JsonNode update = s.path("UpdateStatus");
        return new ServiceInfo(s.path("ID").asText(), spec.path("Name").asText(), s.path("Version").path("Index")
                .asLong(), spec.path("TaskTemplate").path("ContainerSpec").path("Image").asText(), global, replicas,
                status.path("RunningTasks").asInt(), status.path("DesiredTasks").asInt(global ? 0 : replicas),
                Json.strings(spec.path("Labels")), ports, update.path("State").asText(""),
                update.path("Message").asText(""), Json.instant(s.path("CreatedAt")), Json.instant(s.path("UpdatedAt")),
                spec.toString());
    }

    static TaskInfo task(JsonNode t) {
        JsonNode status = t.path("Status");
        JsonNode container = status.path("ContainerStatus");
        return new TaskInfo(t.path("ID").asText(), t.path("ServiceID").asText(), t.path("Slot").asInt(),
                t.path("NodeID").asText(), status.path("State").asText(), t.path("DesiredState").asText(),
                status.path("Message").asText(), status.path("Err").asText(""),
                container.has("ExitCode") ? container.path("ExitCode").asInt() : null,
                container.path("ContainerID").asText(""), Json.instant(status.path("Timestamp")),
                ports(status.path("PortStatus").path("Ports")));
    }

    static List<ServicePort> ports(JsonNode array) {
        List<ServicePort> ports = new ArrayList<>();
        for (JsonNode p : array) {
            ports.add(new ServicePort(p.path("TargetPort").asInt(), p.path("PublishedPort").asInt(),
                    Protocol.valueOf(p.path("Protocol").asText("tcp").toUpperCase(java.util.Locale.ROOT)),
                    "host".equals(p.path("PublishMode").asText())));
        }
        return ports;
    }
}
