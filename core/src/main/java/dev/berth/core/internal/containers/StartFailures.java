package dev.berth.core.internal.containers;

import dev.berth.ContainerNotFoundException;
import dev.berth.ContainerSpec;
import dev.berth.DockerException;
import dev.berth.InvalidSpecException;
import dev.berth.PortInUseException;
import dev.berth.core.internal.engine.EngineMessages;
import dev.berth.core.internal.engine.Failures;

/** What a failed {@code docker start} means, by the engine's message (kept apart so EngineContainer stays small). */
final class StartFailures {
    private StartFailures() {
    }

    /** A 404 on start: the container is gone, or a network it names does not exist. */
    static RuntimeException missing(EngineContainer container, Failures.Failure f) {
        if (EngineMessages.of(f.message()) instanceof EngineMessages.NetworkMissing missing) {
            return new dev.berth.NetworkNotFoundException(missing.network(), f.cause());
        }
        return new ContainerNotFoundException(container.label(), f.cause());
    }

    /** Any other start failure: a port in use, a missing network, a command that cannot run, or the engine's text. */
    static RuntimeException failed(EngineContainer container, ContainerSpec spec, Failures.Failure f) {
        String message = f.message();
        RuntimeException e = f.cause();
        EngineMessages.Meaning meaning = EngineMessages.of(message);
        if (meaning instanceof EngineMessages.PortInUse port) {
            return new PortInUseException(port.port(), message, e);
        }
        if (meaning instanceof EngineMessages.NetworkMissing missing) {
            return new dev.berth.NetworkNotFoundException(missing.network(), e);
        }
        if (meaning instanceof EngineMessages.CommandNotRunnable) {
            return new InvalidSpecException("command", spec == null ? "?" : spec.execution().command(),
                    "the engine could not start it: " + message,
                    "check the command/entrypoint exists in the image (docker run --rm -it IMAGE sh)", e);
        }
        return new DockerException("Container " + container.label() + " failed to start: " + message, e);
    }
}
