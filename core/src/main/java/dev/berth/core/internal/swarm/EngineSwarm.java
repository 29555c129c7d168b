package dev.berth.core.internal.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.DockerException;
import dev.berth.InvalidSpecException;
import dev.berth.JoinTokens;
import dev.berth.NodeInfo;
import dev.berth.Secret;
import dev.berth.Swarm;
import dev.berth.SwarmInfo;
import dev.berth.core.internal.engine.Engine;
import dev.berth.core.internal.engine.EngineMessages;
import java.util.ArrayList;
import java.util.List;

/** {@code docker swarm / node}: init, join, leave, tokens and nodes; secrets, configs and services hang off it. */
public final class EngineSwarm implements Swarm {
    private final SwarmCalls calls;
    private final EngineSwarmObjects secrets;
    private final EngineSwarmObjects configs;
    private final EngineServices services;

    public EngineSwarm(Engine engine) {
        this.calls = new SwarmCalls(engine);
        this.secrets = new EngineSwarmObjects(calls, EngineSwarmObjects.Kind.SECRET);
        this.configs = new EngineSwarmObjects(calls, EngineSwarmObjects.Kind.CONFIG);
        this.services = new EngineServices(calls);
    }

    @Override
    public SwarmInfo init(String advertiseAddress) {
        checkAddress(advertiseAddress);
        ObjectNode body = SwarmCalls.object();
        body.put("ListenAddr", "0.0.0.0:2377");
        body.put("AdvertiseAddr", advertiseAddress);
        try {
            calls.post("swarm init", "/swarm/init", body);
        } catch (DockerException e) {
            throw portTaken(e, "init");
        }
        return inspect();
    }

    @Override
    public void join(String managerAddress, String token, String advertiseAddress) {
        checkAddress(advertiseAddress);
        ObjectNode body = SwarmCalls.object();
        body.put("ListenAddr", "0.0.0.0:2377");
        body.put("AdvertiseAddr", advertiseAddress);
        body.putArray("RemoteAddrs").add(managerAddress.contains(":") ? managerAddress : managerAddress + ":2377");
        body.put("JoinToken", token);
        try {
            calls.post("swarm join " + managerAddress, "/swarm/join", body);
        } catch (DockerException e) {
            throw portTaken(e, "join");
        }
    }

    /** Swarm's port 2377 is host-wide: a second engine on one host cannot be a manager while the first is one. */
    private static DockerException portTaken(DockerException e, String verb) {
        if (EngineMessages.of(e.getMessage()) instanceof EngineMessages.PortInUse port && port.port() == 2377) {
            return new DockerException("swarm " + verb + " failed: port 2377 on this host is taken, most likely by"
                    + " another engine on this host that is a swarm member (" + e.getMessage() + "). Fix: make that"
                    + " engine leave its swarm (docker -H ITS_SOCKET swarm leave --force), or use a swarm on one engine"
                    + " per host", e);
        }
        return e;
    }

    @Override
    public SwarmInfo inspect() {
        JsonNode swarm = calls.get("swarm inspect", "/swarm");
        JsonNode info = calls.get("docker info", "/info").path("Swarm");
        return new SwarmInfo(swarm.path("ID").asText(), Json.instant(swarm.path("CreatedAt")),
                info.path("NodeID").asText(), info.path("NodeAddr").asText(), info.path("Managers").asInt(),
                info.path("Nodes").asInt());
    }

    @Override
    public boolean isActive() {
        String state = calls.get("docker info", "/info").path("Swarm").path("LocalNodeState").asText();
        return state.equals("active");
    }

    @Override
    public void leave() {
        try {
            calls.post("swarm leave", "/swarm/leave");
        } catch (dev.berth.NotInSwarmException e) {
            // the engine answers a manager's plain leave with 503 too: tell it from "in no swarm" by its words
            if (e.getMessage().contains("participating as a manager")) { // both engines word it so
                throw new dev.berth.ConflictException("swarm leave refused: this node is a swarm manager, and its"
                        + " leaving could cost the swarm its quorum (on a one-node swarm: all its state). Fix:"
                        + " docker.swarm().forceLeave() (docker swarm leave --force), or demote the node first.",
                        e.getCause());
            }
            throw e;
        }
    }

    @Override
    public void forceLeave() {
        calls.post("swarm leave --force", "/swarm/leave?force=true");
    }

    @Override
    public JoinTokens joinTokens() {
        JsonNode tokens = calls.get("swarm join-token", "/swarm").path("JoinTokens");
        return new JoinTokens(Secret.of(tokens.path("Worker").asText()), Secret.of(tokens.path("Manager").asText()));
    }

    @Override
    public List<NodeInfo> nodes() {
        List<NodeInfo> nodes = new ArrayList<>();
        calls.get("node ls", "/nodes").forEach(node -> nodes.add(node(node)));
        return nodes;
    }

    @Override
    public NodeInfo node(String idOrHostname) {
        return node(calls.get("node inspect " + idOrHostname, "/nodes/" + SwarmCalls.encode(idOrHostname)));
    }

    @Override
    public NodeInfo availability(String idOrHostname, NodeInfo.Availability availability) {
        return updateNode(idOrHostname, spec -> spec.put("Availability", availability.wireName()));
    }

    @Override
    public NodeInfo label(String idOrHostname, String key, String value) {
        return updateNode(idOrHostname, spec -> spec.with("Labels").put(key, value));
    }

    @Override
    public NodeInfo removeLabel(String idOrHostname, String key) {
        return updateNode(idOrHostname, spec -> spec.with("Labels").remove(key));
    }

    /** Node updates replace the whole spec at a version: read, change, write back. */
    private NodeInfo updateNode(String idOrHostname, java.util.function.Consumer<ObjectNode> change) {
        JsonNode node = calls.get("node inspect " + idOrHostname, "/nodes/" + SwarmCalls.encode(idOrHostname));
        ObjectNode spec = ((ObjectNode) node.path("Spec")).deepCopy();
        change.accept(spec);
        String id = node.path("ID").asText();
        calls.post("node update " + idOrHostname, "/nodes/" + id + "/update?version="
                + node.path("Version").path("Index").asLong(), spec);
        return node(id);
    }

    @Override
    public EngineSwarmObjects secrets() {
        return secrets;
    }

    @Override
    public EngineSwarmObjects configs() {
        return configs;
    }

    @Override
    public EngineServices services() {
        return services;
    }

    static NodeInfo node(JsonNode node) {
        JsonNode spec = node.path("Spec");
        return new NodeInfo(node.path("ID").asText(), node.path("Description").path("Hostname").asText(),
                NodeInfo.Role.valueOf(spec.path("Role").asText("worker").toUpperCase(java.util.Locale.ROOT)),
                NodeInfo.Availability.valueOf(spec.path("Availability").asText("active")
                        .toUpperCase(java.util.Locale.ROOT)),
                node.path("Status").path("State").asText(), node.path("Status").path("Addr").asText(),
                node.path("ManagerStatus").path("Leader").asBoolean(false),
                node.path("Description").path("Engine").path("EngineVersion").asText(),
                Json.strings(spec.path("Labels")),
                node.path("Version").path("Index").asLong());
    }

    private static void checkAddress(String address) {
        if (address == null || address.isBlank()) {
            throw new InvalidSpecException("advertise address", address, "other nodes reach this one at this address",
                    "pass an IP of this machine, e.g. \"127.0.0.1\" for a one-node swarm");
        }
    }
}
