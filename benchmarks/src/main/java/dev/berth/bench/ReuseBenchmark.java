package dev.berth.bench;

import dev.berth.ContainerFilter;
import dev.berth.Docker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The junit-class test class (four containers, each marked reuse()) run again: with reuse on, the run adopts the
 * four an earlier run left (berth-reused); with reuse off, it starts and removes its own four (berth-fresh).
 * Goal: berth-reused <= 0.15x berth-fresh.
 */
final class ReuseBenchmark {
    static final int RUNS = 10;

    private ReuseBenchmark() {
    }

    static Harness.Result run() throws Exception {
        TestClassRunner runner = new TestClassRunner();
        Map<String, String> on = Map.of("berth.reuse.enabled", "true");
        Map<String, String> off = Map.of("berth.reuse.enabled", "false");
        String loadBefore = TestClassRunner.loadAverage();
        try {
            runner.run(FourContainers.BerthReused.class, on); // the first run, which leaves the four running
            List<Peer> peers = List.of(
                    Peer.of("berth-reused", () -> runner.run(FourContainers.BerthReused.class, on)),
                    Peer.of("berth-fresh", () -> runner.run(FourContainers.BerthReused.class, off)));
            Map<String, double[]> samples = Harness.measure(peers, 1, RUNS);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("load_average_before_after", loadBefore + " / " + TestClassRunner.loadAverage());
            extra.put("measured", "one whole launcher run of the class after a first run with reuse on");
            extra.put("goal", "berth-reused <= 0.15x berth-fresh");
            return Harness.result("reuse", RUNS, samples, extra, "berth-fresh");
        } finally {
            try (Docker docker = Docker.connect()) {
                for (var kept : docker.containers().list(ContainerFilter.all().label("bench", "reuse")
                        .label("dev.berth.reuse", "true"))) {
                    docker.containers().find(kept.id()).ifPresent(dev.berth.Container::close);
                }
            }
        }
    }
}
