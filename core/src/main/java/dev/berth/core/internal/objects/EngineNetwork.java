package dev.berth.core.internal.objects;

import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Link;
import dev.berth.ConflictException;
import dev.berth.Container;
import dev.berth.Network;
import dev.berth.NetworkInfo;
import dev.berth.NetworkNotFoundException;
import dev.berth.core.internal.containers.CreateExtras;
import dev.berth.core.internal.engine.Engine;
import dev.berth.core.internal.engine.Failures;

/** A network handle. */
final class EngineNetwork implements Network {
    private final Engine engine;
    private final String id;
    private final String name;
    /** Found, not made, by getOrCreate: close() leaves it. */
    private final boolean adopted;

    EngineNetwork(Engine engine, String id, String name, boolean adopted) {
        this.engine = engine;
        this.id = id;
        this.name = name;
        this.adopted = adopted;
    }

    @Override
    public boolean adopted() {
        return adopted;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public NetworkInfo inspect() {
        return EngineNetworks.info(engine.call("inspect network " + name,
                () -> engine.client().inspectNetworkCmd().withNetworkId(id).exec(),
                Failures.on(404, f -> new NetworkNotFoundException(name, f.cause()))));
    }

    @Override
    public void connect(Container container, String... aliases) {
        if (container == null) {
            throw new dev.berth.InvalidSpecException("container", null, "it is required (null given)",
                    "pass the container to connect");
        }
        connect(container, aliases, null);
    }

    /** {@code docker network connect} with the endpoint's links and fixed addresses too (null: none). */
    void connect(Container container, String[] aliases, CreateExtras.Endpoint endpoint) {
        var cmd = engine.client().connectToNetworkCmd().withNetworkId(id).withContainerId(container.id());
        if (aliases.length > 0 || endpoint != null) {
            ContainerNetwork settings = new ContainerNetwork();
            if (aliases.length > 0) {
                settings.withAliases(aliases);
            }
            if (endpoint != null && !endpoint.links().isEmpty()) {
                settings.withLinks(endpoint.links().stream().map(Link::parse).toArray(Link[]::new));
            }
            if (endpoint != null && (endpoint.ipv4Address() != null || endpoint.ipv6Address() != null)) {
                settings.withIpamConfig(new ContainerNetwork.Ipam().withIpv4Address(endpoint.ipv4Address())
                        .withIpv6Address(endpoint.ipv6Address()));
            }
            cmd.withContainerNetwork(settings);
        }
        run("connect " + container.name() + " to", cmd::exec);
    }

    @Override
    public void disconnect(Container container) {
        run("disconnect " + container.name() + " from",
                () -> engine.client().disconnectFromNetworkCmd().withNetworkId(id).withContainerId(container.id())
                        .exec());
    }

    @Override
    public void remove() {
        run("remove", () -> engine.client().removeNetworkCmd(id).exec());
    }

    @Override
    public void close() {
        if (adopted) {
            return; // it was there before this handle: not Berth's to delete
        }
        try {
            remove();
        } catch (NetworkNotFoundException alreadyGone) {
            // closing is idempotent
        }
    }

    /** 404: the network or the container is gone; 409/500 (403 on 20.10): it is in use. */
    private void run(String operation, Runnable action) {
        engine.run(operation + " network " + name, action, Failures.on(404, f -> f.message()
                        .toLowerCase(java.util.Locale.ROOT).contains("container")
                        ? new dev.berth.ContainerNotFoundException(f.message(), f.cause())
                        : new NetworkNotFoundException(name, f.cause()))
                .and(f -> inUse(operation, f, operation.equals("remove")), 409, 500)
                .and(403, f -> inUse(operation, f, true)));
    }

    private ConflictException inUse(String operation, Failures.Failure f, boolean sayWhatToDo) {
        return new ConflictException("Cannot " + operation + " network " + name + ": " + f.message()
                + (sayWhatToDo ? ". Disconnect or remove its containers first." : ""), f.cause());
    }

    @Override
    public String toString() {
        return "Network " + name + " (" + id.substring(0, Math.min(12, id.length())) + ")"
                + (adopted ? " adopted: close() keeps it" : "");
    }
}
