package dev.berth.core.internal.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.InvalidComposeFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every file of {@code ../shared/compose-corpus} (beside the repository) through the real
 * {@code docker compose -f FILE --project-directory DIR config --format json} and through Berth's loader, under the
 * same environment: accepted files must give equal JSON values; rejected ones must be rejected by Berth too, with
 * file:line:column, the key path and a fix. Deliberate differences are listed in {@link #DIFFERENCES} (and in the
 * README's compose section); nothing else is ignored.
 */
class ComposeCorpusTest {
    /** Files where Berth deliberately differs from Compose 2.40, and why. Keep in step with the README. */
    static final Map<String, String> DIFFERENCES = Map.of(
            "d17", "build.ssh: Compose 2.40 fails while printing the project (a marshalling bug in Compose); Berth"
                    + " rejects build.ssh at load because SSH forwarding needs BuildKit and Berth builds with the"
                    + " classic builder. Both reject the file.");

    /** The environment both tools see: nothing from the developer's shell leaks into the comparison. */
    static Map<String, String> environment() {
        return Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                "HOME", System.getProperty("java.io.tmpdir"));
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger FILES = new AtomicInteger();
    private static final AtomicInteger EQUAL = new AtomicInteger();
    private static final AtomicInteger REJECTED = new AtomicInteger();
    private static final AtomicInteger DOCUMENTED = new AtomicInteger();
    private static final AtomicInteger FAILING = new AtomicInteger();

    static Path corpus() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertNotNull(dir, "run from inside the repository");
        return dir.resolveSibling("shared").resolve("compose-corpus");
    }

    static Stream<Arguments> files() throws IOException {
        Path corpus = corpus();
        assertTrue(Files.isRegularFile(corpus.resolve("INDEX.tsv")), "the corpus is beside the repository: " + corpus);
        List<Arguments> files = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("INDEX.tsv"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t");
            files.add(Arguments.of(cols[0], corpus.resolve(cols[1])));
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("files")
    void berthLoadsEachFileAsDockerComposeDoes(String id, Path file) throws Exception {
        FILES.incrementAndGet();
        boolean counted = false;
        try {
            Oracle oracle = Oracle.run(file);
            if (!oracle.accepted()) {
                var e = assertThrows(InvalidComposeFileException.class, () -> load(file),
                        () -> "Compose rejects " + id + " (" + oracle.error().strip() + ") but Berth accepts it");
                assertTrue(e.line() >= 1 && e.column() >= 1, e.getMessage());
                assertTrue(e.getMessage().contains(e.file() + ":" + e.line() + ":" + e.column()), e.getMessage());
                assertTrue(e.getMessage().contains("Fix: "), "names a fix: " + e.getMessage());
                assertNotNull(e.keyPath(), "names the key path: " + e.getMessage());
                if (System.getProperty("corpus.dump") != null) {
                    System.out.println("REJECT " + id + " | " + oracle.error().strip().replaceAll("\\s+", " ")
                            + "\n    BERTH " + e.getMessage());
                }
                (DIFFERENCES.containsKey(id) ? DOCUMENTED : REJECTED).incrementAndGet();
                counted = true;
                return;
            }
            JsonNode expected = JSON.readTree(oracle.output());
            LoadedProject project = load(file);
            String berth = project.toJson();
            if (System.getProperty("corpus.dump") != null) {
                Files.writeString(Path.of(System.getProperty("corpus.dump"), id + ".json"), berth);
            }
            JsonNode actual = JSON.readTree(berth);
            if (DIFFERENCES.containsKey(id)) {
                assertNotEquals(expected, actual, id + " is listed as a difference but now matches: remove it");
                DOCUMENTED.incrementAndGet();
            } else {
                List<String> differences = new ArrayList<>();
                JsonDiff.diff(expected, actual, "", differences);
                assertEquals(List.of(), differences, id + " " + file + ": docker compose config vs Berth");
                assertEquals(expected, actual);
                assertEquals(oracleHashes(file, environment(), List.of(), project), hashes(project), id
                        + ": config-hash per service, docker compose config --hash '*' vs Berth");
                EQUAL.incrementAndGet();
            }
            counted = true;
        } finally {
            if (!counted) {
                FAILING.incrementAndGet();
            }
        }
    }

    static LoadedProject load(Path file) {
        return ComposeLoader.load(new ComposeLoader.Request(List.of(file), null, environment(), Map.of(), List.of(),
                Set.of()));
    }

    /**
     * Berth's config-hash per service. Services that read env files are left out of the comparison with
     * {@code config --hash}: Compose's {@code config --hash} hashes them before resolving env files, while
     * {@code up} labels containers with the hash of the resolved environment (Berth's; checked against a real
     * {@code up} in ComposeInteropTest).
     */
    static Map<String, String> hashes(LoadedProject project) {
        Map<String, String> hashes = new java.util.TreeMap<>();
        project.services().forEach(s -> hashes.put(s, project.readEnvFiles(s) ? "(env_file)" : project.configHash(s)));
        return hashes;
    }

    static Map<String, String> oracleHashes(Path file, Map<String, String> env, List<String> flags,
            LoadedProject project) throws Exception {
        Map<String, String> hashes = Oracle.hashes(file, env, flags);
        hashes.replaceAll((s, h) -> project.readEnvFiles(s) ? "(env_file)" : h);
        return hashes;
    }

    @AfterAll
    static void report() {
        System.out.printf("compose corpus: %d files, %d equal, %d rejected as Compose does, %d documented"
                + " differences, %d failing%n", FILES.get(), EQUAL.get(), REJECTED.get(), DOCUMENTED.get(),
                FAILING.get());
    }

    /** {@code docker compose config} on one file: its JSON, or its error. */
    record Oracle(boolean accepted, String output, String error) {
        static Oracle run(Path file) throws Exception {
            return run(file, environment(), List.of());
        }

        /** {@code docker compose config --hash '*'}: each service's config-hash. */
        static Map<String, String> hashes(Path file, Map<String, String> env, List<String> flags) throws Exception {
            List<String> args = new ArrayList<>(flags);
            args.add("--hash=*");
            Oracle oracle = run(file, env, args, List.of());
            assertTrue(oracle.accepted(), oracle.error());
            Map<String, String> hashes = new java.util.TreeMap<>();
            oracle.output().lines().filter(l -> !l.isBlank()).forEach(l -> hashes.put(l.split(" ")[0],
                    l.split(" ")[1]));
            return hashes;
        }

        static Oracle run(Path file, Map<String, String> env, List<String> flags) throws Exception {
            return run(file, env, flags, List.of("--format", "json"));
        }

        static Oracle run(Path file, Map<String, String> env, List<String> flags, List<String> format)
                throws Exception {
            List<String> command = new ArrayList<>(List.of("docker", "compose", "-f", file.toString(),
                    "--project-directory", file.getParent().toString()));
            List<String> globals = new ArrayList<>(flags);
            List<String> configFlags = new ArrayList<>(format);
            globals.removeIf(f -> f.startsWith("--hash") && configFlags.add(f));
            command.addAll(globals);
            command.add("config");
            command.addAll(configFlags);
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            var out = p.getInputStream().readAllBytes();
            var err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("docker compose config did not finish for " + file);
            }
            return new Oracle(p.exitValue() == 0, new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        }
    }
}
