package dev.berth.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a peer's time goes: each run records its phases (milliseconds and engine requests or CLI commands);
 * {@link #medians()} gives the median of each, over every run recorded (warm-up included), for the result's extras.
 */
final class Phases {
    private final Map<String, List<Double>> millis = new LinkedHashMap<>();
    private final Map<String, List<Double>> counts = new LinkedHashMap<>();

    private final List<Run> runs = new ArrayList<>();

    /** One run of one peer; {@link Run#lap} closes a phase at the time it is called. */
    final class Run {
        private final String peer;
        private final String stack;
        private final long start = System.nanoTime();
        private long last = start;

        private Run(String peer, String stack) {
            this.peer = peer;
            this.stack = stack;
        }

        void lap(String phase, long count) {
            long now = System.nanoTime();
            String key = peer + "." + phase;
            millis.computeIfAbsent(key + "_ms", k -> new ArrayList<>()).add((now - last) / 1e6);
            counts.computeIfAbsent(key + "_calls", k -> new ArrayList<>()).add((double) count);
            last = now;
        }
    }

    synchronized Run start(String peer, String stack) {
        Run run = new Run(peer, stack);
        runs.add(run);
        return run;
    }

    /**
     * Splits each run's time into the engine's share (from {@code timeline}) and the rest, the client's: its own
     * requests, its polling and how soon it notices what the engine did.
     */
    void engineShare(EngineTimeline timeline) {
        for (Run run : runs) {
            double[] engine = timeline.engineMillis(run.stack);
            add(millis, run.peer + ".engine-up_ms", engine[0]);
            add(millis, run.peer + ".engine-down_ms", engine[1]);
            add(millis, run.peer + ".client_ms", (run.last - run.start) / 1e6 - engine[0] - engine[1]);
        }
    }

    private static void add(Map<String, List<Double>> to, String key, double value) {
        if (!Double.isNaN(value)) {
            to.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
    }

    Map<String, Object> medians() {
        Map<String, Object> out = new LinkedHashMap<>();
        millis.forEach((k, v) -> out.put(k, median(v)));
        counts.forEach((k, v) -> out.put(k, median(v)));
        return out;
    }

    private static double median(List<Double> values) {
        return Harness.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
