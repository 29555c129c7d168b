package dev.berth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs peers in the same process, alternating them round by round (the starting peer rotates) after a warm-up, and
 * reports medians and ratios to raw docker-java.
 */
final class Harness {
    static final String BASELINE = "docker-java";

    private Harness() {
    }

    record Result(String benchmark, String unit, int runs, Map<String, Double> medians, Map<String, Object> extra,
            String baseline) {
        Map<String, Double> ratios() {
            Map<String, Double> ratios = new LinkedHashMap<>();
            Double base = medians.get(baseline);
            medians.forEach((peer, median) -> ratios.put(peer, base == null ? Double.NaN : median / base));
            return ratios;
        }
    }

    static Map<String, double[]> measure(List<Peer> peers, int warmup, int runs) throws Exception {
        Map<String, double[]> samples = new LinkedHashMap<>();
        peers.forEach(p -> samples.put(p.name(), new double[runs]));
        for (int round = -warmup; round < runs; round++) {
            for (int i = 0; i < peers.size(); i++) {
                Peer peer = peers.get(Math.floorMod(i + round, peers.size()));
                long start = System.nanoTime();
                peer.runOnce();
                double millis = (System.nanoTime() - start) / 1e6;
                if (round >= 0) {
                    samples.get(peer.name())[round] = millis;
                }
            }
        }
        return samples;
    }

    /** Engine requests Berth sends for one run + close of the spec (waits included). */
    static long requestsForRunAndClose(dev.berth.Docker docker, dev.berth.ContainerSpec spec) {
        long before = docker.requestCount();
        docker.containers().run(spec).close();
        return docker.requestCount() - before;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static Result result(String name, int runs, Map<String, double[]> samples, Map<String, Object> extra) {
        return result(name, runs, samples, extra, BASELINE);
    }

    static Result result(String name, int runs, Map<String, double[]> samples, Map<String, Object> extra,
            String baseline) {
        Map<String, Double> medians = new LinkedHashMap<>();
        samples.forEach((peer, values) -> medians.put(peer, median(values)));
        return new Result(name, "ms", runs, medians, extra, baseline);
    }

    static void report(Result result, Path dir) throws IOException {
        System.out.println();
        System.out.printf(Locale.ROOT, "== %s (%d runs, median %s) ==%n", result.benchmark(), result.runs(),
                result.unit());
        Map<String, Double> ratios = result.ratios();
        System.out.printf(Locale.ROOT, "  %-16s %12s %16s%n", "peer", "median ms", "x " + result.baseline());
        result.medians().forEach((peer, median) -> System.out.printf(Locale.ROOT, "  %-16s %12.1f %16.2f%n", peer,
                median, ratios.get(peer)));
        result.extra().forEach((k, v) -> System.out.printf(Locale.ROOT, "  %s: %s%n", k, v));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(result.benchmark() + ".json"), json(result));
    }

    static String json(Result r) {
        StringBuilder s = new StringBuilder("{\n");
        s.append("  \"benchmark\": \"").append(r.benchmark()).append("\",\n");
        s.append("  \"unit\": \"").append(r.unit()).append("\",\n");
        s.append("  \"runs\": ").append(r.runs()).append(",\n");
        s.append("  \"median\": ").append(object(r.medians())).append(",\n");
        s.append("  \"ratio_to_").append(r.baseline()).append("\": ").append(object(r.ratios()));
        for (Map.Entry<String, Object> e : r.extra().entrySet()) {
            s.append(",\n  \"").append(e.getKey()).append("\": ").append(value(e.getValue()));
        }
        return s.append("\n}\n").toString();
    }

    private static String object(Map<String, Double> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add("\"" + k + "\": " + value(v)));
        return "{" + String.join(", ", parts) + "}";
    }

    private static String value(Object v) {
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.3f", d);
        }
        if (v instanceof Number) {
            return v.toString();
        }
        return "\"" + v.toString().replace("\"", "\\\"") + "\"";
    }
}
