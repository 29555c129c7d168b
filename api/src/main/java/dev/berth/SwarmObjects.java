package dev.berth;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Swarm secrets or configs: named, immutable blobs the engine hands to services as files. */
public interface SwarmObjects {
    /** {@code docker secret|config create NAME -}: from bytes (the bytes are not kept). */
    SwarmObject create(String name, byte[] data, Map<String, String> labels);

    /** From a value that must not be logged. */
    SwarmObject create(String name, Secret value);

    /** {@code docker secret|config create NAME FILE}. */
    SwarmObject create(String name, Path file);

    /** {@code docker secret|config ls}. */
    List<SwarmObject> list();

    /** By name or id. */
    Optional<SwarmObject> find(String nameOrId);

    /** {@code docker secret|config rm}: fails while a service uses it. */
    void remove(String nameOrId);
}
