package dev.berth.bench;

import java.util.Map;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs one test class through the JUnit Platform launcher, as a build tool would, and fails on any failure. */
final class TestClassRunner {
    private final Launcher launcher = LauncherFactory.create();

    void run(Class<?> testClass, Map<String, String> parameters) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .configurationParameters(parameters).build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request, summary);
        TestExecutionSummary result = summary.getSummary();
        if (result.getTotalFailureCount() > 0 || result.getTestsSucceededCount() == 0) {
            StringBuilder text = new StringBuilder(testClass.getSimpleName() + " failed:");
            result.getFailures().forEach(f -> text.append("\n  ").append(f.getException()));
            throw new IllegalStateException(text.toString());
        }
    }

    /** The 1-minute load average (Linux), so a result taken on a busy machine says so. */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
