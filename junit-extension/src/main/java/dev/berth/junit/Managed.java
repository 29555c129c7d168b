package dev.berth.junit;

import dev.berth.Container;
import dev.berth.Docker;
import java.util.List;

/**
 * A field value the extension starts and stops: a container or a stack. It counts its users, so one object reached
 * by several scopes at once (a static field of a base class of two parallel classes, an outer and a nested class)
 * is started once and stopped when the last of them is done, never while another still uses it.
 */
abstract class Managed {
    private int users; // guarded by this

    /** Starts on the first user; later users wait for that start and share the result. */
    final synchronized void acquire(Docker docker, Settings settings, Origin origin) {
        if (users == 0) {
            start(docker, settings, origin);
        }
        users++;
    }

    /** Stops when the last user is done. */
    final synchronized void release() {
        if (users == 0) {
            return;
        }
        if (--users == 0) {
            stop();
        }
    }

    abstract void start(Docker docker, Settings settings, Origin origin);

    abstract void stop();

    /** Lives for the whole run (closed with the root context), whatever field it is in. */
    abstract boolean runScoped(Settings settings);

    /** The containers to describe when a test fails, each with the name to file its log under. */
    abstract List<Container> liveContainers();

    /** Who asked for a start: labels on what is created and names in messages. */
    record Origin(String testClass, String testMethod) {
    }
}
