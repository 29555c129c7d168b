package dev.berth.core.internal.objects;

import dev.berth.core.internal.engine.Engine;
import dev.berth.core.internal.engine.EngineErrors;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerNetwork;
import dev.berth.ConflictException;
import dev.berth.Container;
import dev.berth.Network;
import dev.berth.NetworkInfo;
import dev.berth.NetworkNotFoundException;

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
        try {
            return EngineNetworks.info(engine.client().inspectNetworkCmd().withNetworkId(id).exec());
        } catch (NotFoundException e) {
            throw new NetworkNotFoundException(name, e);
        } catch (RuntimeException e) {
            throw EngineErrors.generic("inspect network " + name, e);
        }
    }

    @Override
    public void connect(Container container, String... aliases) {
        if (container == null) {
            throw new dev.berth.InvalidSpecException("container", null, "it is required (null given)",
                    "pass the container to connect");
        }
        var cmd = engine.client().connectToNetworkCmd().withNetworkId(id).withContainerId(container.id());
        if (aliases.length > 0) {
            cmd.withContainerNetwork(new ContainerNetwork().withAliases(aliases));
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

    private void run(String operation, Runnable action) {
        try {
            action.run();
        } catch (NotFoundException e) {
            String message = EngineErrors.message(e);
            if (message.toLowerCase(java.util.Locale.ROOT).contains("container")) {
                throw new dev.berth.ContainerNotFoundException(message, e);
            }
            throw new NetworkNotFoundException(name, e);
        } catch (com.github.dockerjava.api.exception.ConflictException | com.github.dockerjava.api.exception
                .InternalServerErrorException e) {
            throw new ConflictException("Cannot " + operation + " network " + name + ": " + EngineErrors.message(e)
                    + (operation.equals("remove") ? ". Disconnect or remove its containers first." : ""), e);
        } catch (com.github.dockerjava.api.exception.DockerException e) {
            if (e.getHttpStatus() == 403) {
                throw new ConflictException("Cannot " + operation + " network " + name + ": " + EngineErrors.message(e)
                        + ". Disconnect or remove its containers first.", e);
            }
            throw EngineErrors.generic(operation + " network " + name, e);
        } catch (RuntimeException e) {
            throw EngineErrors.generic(operation + " network " + name, e);
        }
    }

    @Override
    public String toString() {
        return "Network " + name + " (" + id.substring(0, Math.min(12, id.length())) + ")"
                + (adopted ? " adopted: close() keeps it" : "");
    }
}
