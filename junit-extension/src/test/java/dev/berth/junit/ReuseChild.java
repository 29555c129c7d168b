package dev.berth.junit;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The second JVM of {@link ReuseTest}: says "ready", waits for "go" on stdin, runs {@link ReuseTest.RaceSample}
 * with reuse on, and prints what it got.
 * It warms up first so that the two JVMs start at about the same moment.
 */
public final class ReuseChild {
    private ReuseChild() {
    }

    public static void main(String[] args) throws Exception {
        // warm up (JUnit's engine, Berth's core) so both JVMs reach the start at about the same moment
        TestSupport.run(SettingsTest.class);
        try (dev.berth.Docker docker = dev.berth.Docker.connect()) {
            docker.ping();
        }
        System.out.println("ready");
        System.out.flush();
        String go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (!"go".equals(go)) {
            System.exit(3);
        }
        var results = ReuseTest.runRace();
        long failed = results.testEvents().failed().count() + results.containerEvents().failed().count();
        System.out.println("RESULT id=" + ReuseTest.RaceSample.seenId + " reused=" + ReuseTest.RaceSample.seenReused
                + " failed=" + failed);
        System.exit(failed == 0 ? 0 : 1);
    }
}
