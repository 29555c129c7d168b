package dev.berth;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Swarm secrets or configs: named, immutable blobs the engine hands to services as files. */
public interface SwarmObjects {
    /**
     * {@code docker secret|config create [--label K=V] NAME -}: from bytes (the bytes are not kept).
     *
     * @param name the name (letters, digits, {@code _ . -})
     * @param data the content, 1 byte to 500 KB
     * @param labels the labels
     * @return the created object
     * @throws InvalidSpecException when the name or size breaks the engine's rule
     * @throws ConflictException when the name is taken
     */
    SwarmObject create(String name, byte[] data, Map<String, String> labels);

    /**
     * {@code docker secret|config create NAME -} from a value that must not be logged.
     *
     * @param name the name (letters, digits, {@code _ . -})
     * @param value the content
     * @return the created object
     * @throws InvalidSpecException when the name or size breaks the engine's rule
     * @throws ConflictException when the name is taken
     */
    SwarmObject create(String name, Secret value);

    /**
     * {@code docker secret|config create NAME FILE}.
     *
     * @param name the name (letters, digits, {@code _ . -})
     * @param file the file to read
     * @return the created object
     * @throws InvalidSpecException when the name or size breaks the engine's rule
     * @throws ConflictException when the name is taken
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    SwarmObject create(String name, Path file);

    /**
     * {@code docker secret|config ls}.
     *
     * @return every object of this kind
     */
    List<SwarmObject> list();

    /**
     * {@code docker secret|config inspect NAME} by name or id.
     *
     * @param nameOrId the name or id
     * @return the object, empty when there is none
     */
    Optional<SwarmObject> find(String nameOrId);

    /**
     * {@code docker secret|config rm}: fails while a service uses it.
     *
     * @param nameOrId the name or id
     * @throws NotFoundException when there is none
     * @throws DockerException when a service still uses it
     */
    void remove(String nameOrId);
}
