package dev.berth.junit;

import dev.berth.Container;
import dev.berth.ContainerFilter;
import dev.berth.ContainerSummary;
import dev.berth.Docker;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs sample classes through JUnit and checks what they left on the engine. */
final class TestSupport {
    static final String BUSYBOX = "busybox:1.36";
    static final String NGINX = "nginx:1.22";
    static final String REDIS = "redis:7";
    /** On the samples' containers, so checks for leftovers never see another copy of this suite on the engine. */
    static final String RUN_LABEL = "berth.test.run";
    static final String RUN = java.util.UUID.randomUUID().toString();

    private TestSupport() {
    }

    static EngineExecutionResults run(Map<String, String> parameters, Class<?>... classes) {
        EngineTestKit.Builder kit = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(Settings.REUSE_ENABLED, "false");
        parameters.forEach(kit::configurationParameter);
        for (Class<?> c : classes) {
            kit = kit.selectors(selectClass(c));
        }
        return kit.execute();
    }

    static EngineExecutionResults run(Class<?>... classes) {
        return run(Map.of(), classes);
    }

    /** Classes side by side, and the methods of each class side by side too. */
    static Map<String, String> parallel() {
        return Map.of("junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
    }

    static void assertGone(Collection<String> containerIds) {
        try (Docker docker = Docker.connect()) {
            List<String> left = containerIds.stream().filter(id -> docker.containers().find(id).isPresent()).toList();
            assertEquals(List.of(), left, "containers left behind");
        }
    }

    static void assertNoneLabelled(String key, String value) {
        try (Docker docker = Docker.connect()) {
            List<ContainerSummary> left = docker.containers().list(ContainerFilter.all().label(key, value)
                    .label(RUN_LABEL, RUN));
            assertEquals(List.of(), left, "containers left behind with " + key + "=" + value);
        }
    }

    static void remove(Docker docker, String idOrName) {
        docker.containers().find(idOrName).ifPresent(Container::close);
    }

    /** The report entries published for the test whose method has that name. */
    static Map<String, String> entriesOf(EngineExecutionResults results, String method) {
        java.util.Map<String, String> entries = new java.util.LinkedHashMap<>();
        results.allEvents().reportingEntryPublished().stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().startsWith(method + "("))
                .map(e -> e.getPayload(ReportEntry.class))
                .flatMap(Optional::stream)
                .forEach(entry -> entries.putAll(entry.getKeyValuePairs()));
        return entries;
    }

    static String failureMessage(Event event) {
        return event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse("");
    }
}
