package dev.berth.examples;

import dev.berth.BerthLabels;
import dev.berth.ContainerFilter;
import dev.berth.Docker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tour is the main job: it must run end to end on a real engine and leave nothing behind. */
class TourTest {
    @Test
    void tourRunsEveryStepAndCleansUp() {
        var text = new ByteArrayOutputStream();
        try (Docker docker = Docker.connect()) {
            new Tour(docker, new PrintStream(text, true, StandardCharsets.UTF_8)).run();
            String output = text.toString(StandardCharsets.UTF_8);
            assertTrue(output.contains("Welcome to nginx!"), output);
            assertTrue(output.contains("nginx version"), output);
            assertTrue(output.contains("cache says PONG"), output);
            assertTrue(output.contains("Tour finished"), output);
            assertEquals(0, docker.containers().list(ContainerFilter.all()
                    .label(BerthLabels.SESSION, docker.sessionId())).size());
        }
    }
}
