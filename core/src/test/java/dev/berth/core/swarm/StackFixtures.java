package dev.berth.core.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.Docker;
import dev.berth.DockerException;
import dev.berth.Filter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The compose files the swarm tests deploy, copied to a fresh directory, and stack clean-up. */
final class StackFixtures {
    static final ObjectMapper JSON = new ObjectMapper();

    private StackFixtures() {
    }

    /** Copies src/test/resources/swarm/NAME into {@code dir}; returns its docker-compose.yml. */
    static Path copy(String name, Path dir) {
        try {
            Path source = Path.of(StackFixtures.class.getResource("/swarm/" + name).toURI());
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
            return dir.resolve("docker-compose.yml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code docker service inspect NAME} as JSON. */
    static JsonNode inspect(String service) {
        try {
            return JSON.readTree(Cli.run("service", "inspect", service)).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the stack with the CLI if it still exists, then the volumes it made once no task uses them. */
    static void removeStack(Docker docker, String stack) {
        Cli.exec("stack", "rm", stack);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                docker.volumes().list(Filter.none().label("com.docker.stack.namespace", stack))
                        .forEach(v -> docker.volumes().get(v.name()).remove());
                if (docker.networks().list(Filter.none().label("com.docker.stack.namespace", stack)).isEmpty()
                        && docker.containers().list(dev.berth.ContainerFilter.all()
                                .label("com.docker.stack.namespace", stack)).isEmpty()
                        && docker.volumes().list(Filter.none().label("com.docker.stack.namespace", stack)).isEmpty()) {
                    return;
                }
            } catch (DockerException inUse) {
                if (System.nanoTime() > deadline) {
                    throw inUse;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("stack " + stack + " networks still there after 60 s");
            }
            SwarmEngineTest.sleep(250);
        }
    }
}
