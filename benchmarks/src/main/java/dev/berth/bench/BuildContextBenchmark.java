package dev.berth.bench;

import dev.berth.BuildSpec;
import dev.berth.Docker;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A context of 20,000 files / ~200 MB, 90% of it excluded by .dockerignore, built by Berth (in a fresh JVM capped
 * at 64 MB of heap, which proves the bound) and by the docker CLI's classic builder, alternating.
 */
final class BuildContextBenchmark {
    static final int RUNS = 7;
    static final int FILE_BYTES = 10_000;
    static final String BERTH_TAG = "berth-bench/context:berth";
    static final String CLI_TAG = "berth-bench/context:cli";

    private BuildContextBenchmark() {
    }

    /**
     * Child JVM (-Xmx64m): connects once, then builds each time a line arrives on stdin and answers
     * "RESULT elapsed-ms peak-heap-bytes" — Berth used as a library in a running JVM, as in a test suite.
     */
    public static void main(String[] args) throws Exception {
        var commands = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (Docker docker = Docker.connect()) {
            for (String line = commands.readLine(); line != null; line = commands.readLine()) {
                long start = System.nanoTime();
                docker.images().build(BuildSpec.context(Path.of(args[0])).tag(BERTH_TAG).progress(p -> { }));
                long elapsed = System.nanoTime() - start;
                long peak = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP) {
                        peak += pool.getPeakUsage().getUsed();
                    }
                }
                System.out.println("RESULT " + elapsed / 1_000_000.0 + " " + peak);
                System.out.flush();
            }
        }
    }

    static Harness.Result run() throws Exception {
        Path dir = Files.createTempDirectory("berth-bench-context");
        try {
            long[] shape = createContext(dir);
            AtomicLong peakHeap = new AtomicLong();
            String javaBin = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            Process child = new ProcessBuilder(javaBin, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", BuildContextBenchmark.class.getName(),
                    dir.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            var toChild = new java.io.PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8);
            var fromChild = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            Peer berth = Peer.of("berth", () -> {
                toChild.println("build");
                String line = fromChild.readLine();
                while (line != null && !line.startsWith("RESULT ")) {
                    line = fromChild.readLine();
                }
                if (line == null) {
                    throw new IllegalStateException("the Berth build JVM (64 MB heap) died");
                }
                peakHeap.accumulateAndGet(Long.parseLong(line.split(" ")[2]), Math::max);
            });
            Peer cli = Peer.of("docker-cli", () -> {
                ProcessBuilder builder = new ProcessBuilder("docker", "build", "-q", "-t", CLI_TAG, dir.toString());
                builder.environment().put("DOCKER_BUILDKIT", "0");
                Process p = builder.redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("docker build failed:\n" + out);
                }
            });
            Map<String, double[]> samples;
            try {
                samples = Harness.measure(List.of(berth, cli), 1, RUNS);
            } finally {
                toChild.close();
                child.waitFor();
            }
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("files", shape[0]);
            extra.put("context_mb", shape[1] / 1_000_000);
            extra.put("excluded_fraction", String.format(java.util.Locale.ROOT, "%.2f", shape[2] / (double) shape[1]));
            extra.put("peak_heap_mb", Math.round(peakHeap.get() / 1048576.0 * 10) / 10.0);
            extra.put("berth_jvm", "one JVM with -Xmx64m doing every Berth build (a library in a running JVM)");
            extra.put("goal", "berth <= 1.0x docker-cli, peak heap <= 64 MB");
            return Harness.result("build-context", RUNS, samples, extra, "docker-cli");
        } finally {
            Cli.docker("image", "rm", "-f", BERTH_TAG, CLI_TAG);
            deleteTree(dir);
        }
    }

    /** Returns {files, bytes, excludedBytes}. */
    static long[] createContext(Path dir) throws IOException {
        byte[] content = new byte[FILE_BYTES];
        java.util.Arrays.fill(content, (byte) 'x');
        long files = 0;
        long excluded = 0;
        files += write(dir.resolve("src"), 1_800, 40, content, ".java");
        files += write(dir.resolve("src"), 200, 40, content, ".log");
        excluded += 200L * FILE_BYTES;
        files += write(dir.resolve("node_modules"), 12_000, 100, content, ".js");
        excluded += 12_000L * FILE_BYTES;
        files += write(dir.resolve("target"), 6_000, 100, content, ".class");
        excluded += 6_000L * FILE_BYTES;
        Files.writeString(dir.resolve(".dockerignore"), "node_modules\ntarget/\n**/*.log\n");
        Files.writeString(dir.resolve("Dockerfile"), "FROM busybox:1.36\nCOPY src /src\n");
        return new long[] {files + 2, files * FILE_BYTES, excluded};
    }

    private static long write(Path root, int count, int perDir, byte[] content, String suffix) throws IOException {
        for (int i = 0; i < count; i++) {
            Path sub = Files.createDirectories(root.resolve("d" + (i / perDir)));
            Files.write(sub.resolve("f" + i + suffix), content);
        }
        return count;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
