package dev.berth.core.internal.wait;

import dev.berth.Container;

/** What a wait needs from a container beyond the public handle: a name for messages, its spec, its exit. */
public interface WaitTarget extends Container {
    /** A readable name for messages. */
    String label();

    /** False only when the spec is known and does not publish the port. */
    boolean mayPublish(int containerPort);

    /** Starts the long-poll that reports the container's exit. */
    ExitWatch watchExit();
}
