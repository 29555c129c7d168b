package dev.berth.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test class with four independent containers, run whole through the JUnit launcher: Berth's extension (which
 * starts the four side by side) against the slowest of the four alone, and Testcontainers' @Testcontainers with
 * the same four (its default, one after the other, and its parallel = true opt-in). Goal: berth <= 1.25x the slowest
 * single.
 */
final class JunitClassBenchmark {
    static final int RUNS = 10;
    static final Map<String, String> NO_REUSE = Map.of("berth.reuse.enabled", "false");

    private JunitClassBenchmark() {
    }

    static Harness.Result run() throws Exception {
        TestClassRunner runner = new TestClassRunner();
        String loadBefore = TestClassRunner.loadAverage();
        Map<String, Class<?>> singles = new LinkedHashMap<>();
        singles.put("single-nginx", FourContainers.OnlyNginx.class);
        singles.put("single-redis", FourContainers.OnlyRedis.class);
        singles.put("single-postgres", FourContainers.OnlyPostgres.class);
        singles.put("single-busybox", FourContainers.OnlyBusybox.class);
        List<Peer> peers = new java.util.ArrayList<>();
        peers.add(Peer.of("berth", () -> runner.run(FourContainers.Berth.class, NO_REUSE)));
        singles.forEach((name, type) -> peers.add(Peer.of(name, () -> runner.run(type, NO_REUSE))));
        peers.add(Peer.of("testcontainers", () -> runner.run(FourContainers.WithTestcontainers.class, Map.of())));
        peers.add(Peer.of("testcontainers-parallel",
                () -> runner.run(FourContainers.WithTestcontainersParallel.class, Map.of())));
        Map<String, double[]> samples = Harness.measure(peers, 2, RUNS);

        // "the slowest single" is whichever of the four is slowest alone on this machine
        String slowest = null;
        for (String name : singles.keySet()) {
            if (slowest == null || Harness.median(samples.get(name)) > Harness.median(samples.get(slowest))) {
                slowest = name;
            }
        }
        Map<String, double[]> reported = new LinkedHashMap<>();
        reported.put("berth", samples.get("berth"));
        reported.put("slowest-single", samples.get(slowest));
        reported.put("testcontainers", samples.get("testcontainers"));
        reported.put("testcontainers-parallel", samples.get("testcontainers-parallel"));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("slowest_single_is", slowest);
        singles.keySet().forEach(name -> extra.put(name.replace('-', '_') + "_median_ms",
                Harness.median(samples.get(name))));
        extra.put("load_average_before_after", loadBefore + " / " + TestClassRunner.loadAverage());
        extra.put("measured", "one whole launcher run of the class: discovery, container start + waits, test, removal");
        extra.put("goal", "berth <= 1.25x slowest-single");
        return Harness.result("junit-class", RUNS, reported, extra, "slowest-single");
    }
}
