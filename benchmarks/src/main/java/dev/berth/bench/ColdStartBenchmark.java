package dev.berth.bench;

import dev.berth.Docker;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A new JVM until the first successful ping: Berth ({@code Docker.connect().ping()}) against raw docker-java
 * ({@code pingCmd().exec()}), each in its own fresh JVM, alternating.
 */
final class ColdStartBenchmark {
    static final int RUNS = 12;

    private ColdStartBenchmark() {
    }

    /** The child JVM's entry point. */
    public static void main(String[] args) throws Exception {
        if (args[0].equals("berth")) {
            try (Docker docker = Docker.connect()) {
                docker.ping();
            }
        } else {
            try (var client = RawDockerJava.client()) {
                client.pingCmd().exec();
            }
        }
    }

    static Harness.Result run() throws Exception {
        Peer berth = child("berth");
        Peer dockerJava = child("docker-java");
        var samples = Harness.measure(List.of(berth, dockerJava), 2, RUNS);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("measures", "process start to exit of a JVM that connects and pings once");
        extra.put("goal", "berth <= 1.25x docker-java");
        return Harness.result("cold-start", RUNS, samples, extra);
    }

    private static Peer child(String which) {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String classpath = System.getProperty("java.class.path");
        return Peer.of(which, () -> {
            Process p = new ProcessBuilder(java, "-cp", classpath, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    ColdStartBenchmark.class.getName(), which).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException(which + " cold start failed");
            }
        });
    }
}
