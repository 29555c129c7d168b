package dev.berth.core.internal.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.InvalidComposeFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Berth's own fixtures for the parts of the spec the corpus does not reach (every interpolation form, units, long
 * syntaxes, secrets/configs, anchors and merge keys …), each compared with {@code docker compose config} too. A
 * first-line comment {@code # profiles: a,b} or {@code # env: K=V K2=V2} sets what both tools get.
 */
class ComposeSpecFixturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> fixtures() throws IOException {
        Path root = Path.of("src/test/resources/compose-spec").toAbsolutePath();
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(d -> d.resolve("compose.yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void berthLoadsTheFixtureAsDockerComposeDoes(Path file) throws Exception {
        String first = Files.readAllLines(file).get(0);
        Set<String> profiles = new LinkedHashSet<>();
        Map<String, String> env = new LinkedHashMap<>(ComposeCorpusTest.environment());
        if (first.startsWith("# profiles:")) {
            profiles.addAll(List.of(first.substring(11).strip().split(",")));
        } else if (first.startsWith("# env:")) {
            for (String kv : first.substring(6).strip().split(" ")) {
                env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        List<String> args = new ArrayList<>();
        profiles.forEach(p -> args.addAll(List.of("--profile", p)));
        List<Path> files = new ArrayList<>(List.of(file));
        Path override = file.resolveSibling("compose.override.yaml");
        if (Files.exists(override)) {
            files.add(override);
            args.addAll(List.of("-f", override.toString()));
        }
        ComposeCorpusTest.Oracle oracle = ComposeCorpusTest.Oracle.run(file, env, args);
        ComposeLoader.Request request = new ComposeLoader.Request(files, null, env, Map.of(), List.of(),
                profiles);
        if (!oracle.accepted()) {
            var e = assertThrows(InvalidComposeFileException.class, () -> ComposeLoader.load(request),
                    "Compose rejects it: " + oracle.error());
            assertNotNull(e.keyPath(), e.getMessage());
            assertTrue(e.getMessage().contains("Fix: "), e.getMessage());
            if (System.getProperty("corpus.dump") != null) {
                System.out.println("REJECT " + file + "\n  COMPOSE " + oracle.error().strip() + "\n  BERTH "
                        + e.getMessage());
            }
            return;
        }
        LoadedProject project = ComposeLoader.load(request);
        String berth = project.toJson();
        if (System.getProperty("corpus.dump") != null) {
            Files.writeString(Path.of(System.getProperty("corpus.dump"), file.getParent().getFileName() + ".json"),
                    berth);
            Files.writeString(Path.of(System.getProperty("corpus.dump"), file.getParent().getFileName()
                    + ".oracle.json"), oracle.output());
        }
        JsonNode expected = JSON.readTree(oracle.output());
        List<String> differences = new ArrayList<>();
        JsonDiff.diff(expected, JSON.readTree(berth), "", differences);
        assertEquals(List.of(), differences, file + ": docker compose config vs Berth");
        assertEquals(ComposeCorpusTest.oracleHashes(file, env, args, project), ComposeCorpusTest.hashes(project),
                file + ": config-hash per service, docker compose config --hash '*' vs Berth");
    }
}
