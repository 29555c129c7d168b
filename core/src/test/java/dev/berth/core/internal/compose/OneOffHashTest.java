package dev.berth.core.internal.compose;

import dev.berth.StackSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The config hash of a one-off equals the one {@code docker compose run} (non-interactive, no TTY, as Berth runs)
 * writes: the service hashed with the run's name, without ports and restart, with the command.
 */
class OneOffHashTest {
    @Test
    void aOneOffIsHashedAsComposeRunHashesIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("compose.yml"), """
                services:
                  app:
                    image: busybox:1.36
                    command: ["echo", "from-the-file"]
                    ports: ["80"]
                    restart: always
                    environment: {A: "1"}
                """);
        String project = "berth-hash-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            docker("compose", "-f", file.toString(), "-p", project, "run", "-d", "-T", "--interactive=false",
                    "app", "sleep", "30");
            String id = docker("ps", "-q", "--filter", "label=com.docker.compose.project=" + project).strip();
            String[] nameAndHash = docker("inspect", "-f",
                    "{{.Name}} {{index .Config.Labels \"com.docker.compose.config-hash\"}}", id).strip().split(" ");
            String name = nameAndHash[0].substring(1);
            assertTrue(name.startsWith(project + "-app-run-"), name);
            LoadedProject loaded = (LoadedProject) StackSpec.fromCompose(file).projectName(project).load();
            OneOffRun run = new OneOffRun(null, loaded, null);
            ComposeModel.Service app = ModelReader.read(loaded).services().get("app");
            assertEquals(nameAndHash[1], run.configHash(app, name, List.of("sleep", "30")));
            assertTrue(!nameAndHash[1].equals(loaded.configHash("app")), "not the service's own hash");
        } finally {
            // docker compose down leaves a one-off made by run (and so its network): it goes first
            for (String id : docker("ps", "-aq", "--filter", "label=com.docker.compose.project=" + project)
                    .split("\\s+")) {
                if (!id.isBlank()) {
                    docker("rm", "-f", id);
                }
            }
            docker("compose", "-p", project, "down", "-t", "0");
        }
    }

    private static String docker(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + out);
        return out;
    }
}
