package dev.berth.bench;

import dev.berth.Docker;
import dev.berth.StackSpec;
import dev.berth.UpOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A compose stack up until running/healthy, then a graceful down: Berth ({@code up(spec, waitUntilReady)} +
 * {@code downRemovingVolumes()}) against {@code docker compose up -d --wait} + {@code docker compose down -v}, in the
 * same run on the default engine. Both stop with each container's stop signal and grace period, and both remove the
 * anonymous volume of redis' {@code VOLUME /data} (plain down leaves one per run on the engine). Two files: the seed's (the tour's
 * web + cache) and six services (a chain db -> app -> w1 -> edge and a fan-out app -> w1, w2, w3, with db gated by
 * a health check). Each run uses a new project name, so nothing is reused between runs.
 */
final class StackBenchmark {
    static final int RUNS = 7;
    static final Duration WAIT = Duration.ofMinutes(3);
    static final String SEED = """
            services:
              web:
                image: nginx
                ports: ["80"]
                depends_on: [cache]
              cache:
                image: redis
            """;
    /** {@code sleep & wait} so the shell's SIGTERM trap runs at once (a plain sleep as PID 1 ignores SIGTERM). */
    private static final String IDLE = "[\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 3600 & wait\"]";
    static final String SIX = """
            services:
              db:
                image: redis
                healthcheck:
                  test: ["CMD", "redis-cli", "ping"]
                  interval: 500ms
                  start_period: 30s
                  retries: 60
              app:
                image: busybox:1.36
                command: %1$s
                depends_on:
                  db: {condition: service_healthy}
              w1:
                image: busybox:1.36
                command: %1$s
                depends_on: [app]
              w2:
                image: busybox:1.36
                command: %1$s
                depends_on: [app]
              w3:
                image: busybox:1.36
                command: %1$s
                depends_on: [app]
              edge:
                image: nginx
                ports: ["80"]
                depends_on: [w1]
            """.formatted(IDLE);

    private StackBenchmark() {
    }

    static Harness.Result run() throws Exception {
        Path dir = Files.createTempDirectory("berth-bench-stack");
        Path seed = Files.writeString(dir.resolve("seed.yml"), SEED);
        Path six = Files.writeString(dir.resolve("six.yml"), SIX);
        Map<String, List<Double>> ups = new LinkedHashMap<>();
        Map<String, List<Double>> downs = new LinkedHashMap<>();
        try (Docker docker = Docker.connect()) {
            List<Peer> peers = List.of(
                    berth("berth", docker, seed, ups, downs), compose("docker-compose", seed, ups, downs),
                    berth("berth-6", docker, six, ups, downs), compose("docker-compose-6", six, ups, downs));
            var samples = Harness.measure(peers, 1, RUNS);
            Map<String, Object> extra = new LinkedHashMap<>();
            for (String suffix : List.of("", "-6")) {
                extra.put("ratio_up_down" + suffix, Harness.median(samples.get("berth" + suffix))
                        / Harness.median(samples.get("docker-compose" + suffix)));
                double berthUp = tailMedian(ups.get("berth" + suffix));
                double composeUp = tailMedian(ups.get("docker-compose" + suffix));
                double berthDown = tailMedian(downs.get("berth" + suffix));
                double composeDown = tailMedian(downs.get("docker-compose" + suffix));
                extra.put("up_berth" + suffix, berthUp);
                extra.put("up_docker-compose" + suffix, composeUp);
                extra.put("down_berth" + suffix, berthDown);
                extra.put("down_docker-compose" + suffix, composeDown);
                extra.put("ratio_up" + suffix, berthUp / composeUp);
                extra.put("ratio_down" + suffix, berthDown / composeDown);
            }
            extra.put("load_average", Files.readString(Path.of("/proc/loadavg")).strip());
            extra.put("compose_version", Cli.docker("compose", "version", "--short"));
            extra.put("goal", "berth <= 0.6x docker-compose for up, <= 1.0x for down");
            extra.put("note", "ratio_to_docker-compose compares every peer with the seed file's Compose run;"
                    + " ratio_up_down-6 is berth-6 / docker-compose-6");
            return Harness.result("stack", RUNS, samples, extra, "docker-compose");
        } finally {
            Files.deleteIfExists(seed);
            Files.deleteIfExists(six);
            Files.deleteIfExists(dir);
        }
    }

    private static Peer berth(String name, Docker docker, Path file, Map<String, List<Double>> ups,
            Map<String, List<Double>> downs) {
        return Peer.of(name, () -> {
            String project = project();
            long start = System.nanoTime();
            var stack = docker.stacks().up(StackSpec.fromCompose(file).projectName(project),
                    UpOption.waitUntilReady(WAIT));
            long up = System.nanoTime();
            stack.downRemovingVolumes();
            record(name, start, up, System.nanoTime(), ups, downs);
        });
    }

    private static Peer compose(String name, Path file, Map<String, List<Double>> ups,
            Map<String, List<Double>> downs) {
        return Peer.of(name, () -> {
            String project = project();
            long start = System.nanoTime();
            try {
                Cli.docker("compose", "-p", project, "-f", file.toString(), "up", "-d", "--wait",
                        "--wait-timeout", String.valueOf(WAIT.toSeconds()));
            } finally {
                long up = System.nanoTime();
                Cli.docker("compose", "-p", project, "-f", file.toString(), "down", "-v");
                record(name, start, up, System.nanoTime(), ups, downs);
            }
        });
    }

    private static void record(String name, long start, long up, long end, Map<String, List<Double>> ups,
            Map<String, List<Double>> downs) {
        ups.computeIfAbsent(name, k -> new ArrayList<>()).add((up - start) / 1e6);
        downs.computeIfAbsent(name, k -> new ArrayList<>()).add((end - up) / 1e6);
    }

    /** The median of the measured runs: the warm-up round comes first and is left out. */
    private static double tailMedian(List<Double> values) {
        List<Double> measured = values.subList(values.size() - RUNS, values.size());
        return Harness.median(measured.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static String project() {
        return "berth-bench-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
