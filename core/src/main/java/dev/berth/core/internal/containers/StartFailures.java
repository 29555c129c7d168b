package dev.berth.core.internal.containers;

import dev.berth.ContainerNotFoundException;
import dev.berth.DockerException;
import dev.berth.InvalidSpecException;
import dev.berth.NetworkNotFoundException;
import dev.berth.PortInUseException;
import dev.berth.core.internal.engine.EngineMessages;
import dev.berth.core.internal.engine.Failures;

/** What a failed {@code start} means: a gone container, a missing network, a port in use, a command not found. */
final class StartFailures {
    private StartFailures() {
    }

    /** A 404 on start: the container is gone, or a network it names does not exist. */
    static RuntimeException missing(EngineContainer container, Failures.Failure f) {
        if (EngineMessages.of(f.message()) instanceof EngineMessages.NetworkMissing missing) {
            return new NetworkNotFoundException(missing.network(), f.cause());
        }
        return new ContainerNotFoundException(container.label(), f.cause());
    }

    static RuntimeException failed(EngineContainer container, Failures.Failure f) {
        String message = f.message();
        RuntimeException e = f.cause();
        EngineMessages.Meaning meaning = EngineMessages.of(message);
        if (meaning instanceof EngineMessages.PortInUse port) {
            return new PortInUseException(port.port(), message, e);
        }
        if (meaning instanceof EngineMessages.NetworkMissing missing) {
            return new NetworkNotFoundException(missing.network(), e);
        }
        var spec = container.spec();
        String network = spec == null ? null : spec.networking().network();
        var engine = container.engine();
        if (network != null && message.contains("while attaching to network") && engine.find("inspect network "
                + network, () -> engine.client().inspectNetworkCmd().withNetworkId(network).exec()).isEmpty()) {
            // 20.10 sometimes says "invalid cluster node while attaching to network" (HTTP 500) for a missing one
            return new NetworkNotFoundException(network, e);
        }
        if (meaning instanceof EngineMessages.CommandNotRunnable) {
            return new InvalidSpecException("command", spec == null ? "?" : spec.execution().command(),
                    "the engine could not start it: " + message,
                    "check the command/entrypoint exists in the image (docker run --rm -it IMAGE sh)", e);
        }
        if (meaning instanceof EngineMessages.BridgeDeviceMissing bridge) {
            // seen after a machine restore kept /var/lib/docker but not its network devices: Docker 28 then restarts
            // on its old network store and never makes the bridge again
            return new DockerException("Container " + container.label() + " failed to start: the engine's bridge "
                    + bridge.device() + " no longer exists on the host (" + message + "). Fix: restart the Docker"
                    + " engine; if the bridge is still missing, stop it, move /var/lib/docker/network/files/local-kv.db"
                    + " aside and start it again", e);
        }
        return new DockerException("Container " + container.label() + " failed to start: " + message, e);
    }
}
