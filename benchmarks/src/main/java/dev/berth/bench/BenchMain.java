package dev.berth.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code benchmarks/run [NAME...]}: runs the named benchmarks (all when none) and writes results/NAME.json. */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Callable<Harness.Result>> all = new LinkedHashMap<>();
        all.put("lifecycle", LifecycleBenchmark::run);
        all.put("readiness", ReadinessBenchmark::run);
        all.put("cold-start", ColdStartBenchmark::run);
        all.put("build-context", BuildContextBenchmark::run);
        all.put("ssh", SshBenchmark::run);
        all.put("stack", StackBenchmark::run);
        all.put("junit-class", JunitClassBenchmark::run);
        all.put("reuse", ReuseBenchmark::run);
        all.put("swarm", SwarmBenchmark::run);
        List<String> names = args.length == 0 ? List.copyOf(all.keySet()) : List.of(args);
        Path results = Path.of(System.getProperty("berth.bench.results", "benchmarks/results"));
        for (String name : names) {
            Callable<Harness.Result> benchmark = all.get(name);
            if (benchmark == null) {
                System.err.println("Unknown benchmark '" + name + "'. Known: " + all.keySet());
                System.exit(2);
            }
            Harness.report(benchmark.call(), results);
        }
    }
}
