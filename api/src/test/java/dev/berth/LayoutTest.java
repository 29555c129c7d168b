package dev.berth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The api module stays free of engine types: docker-java, Jackson and HTTP clients belong to core. */
class LayoutTest {
    @Test
    void dockerJavaIsNotEvenOnTheApiClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.github.dockerjava.api.DockerClient"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.fasterxml.jackson.databind.JsonNode"));
    }

    @Test
    void noSourceFileMentionsEngineLibraries() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            var offenders = sources.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String text = Files.readString(p);
                    return text.contains("com.github.dockerjava") || text.contains("com.fasterxml.jackson")
                            || text.contains("org.apache.hc");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertEquals(java.util.List.of(), offenders);
        }
    }
}
