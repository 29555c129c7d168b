package dev.berth.junit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The extension's configuration parameters (junit-platform.properties, {@code -D} system properties, or the
 * launcher's parameters), read through {@link ExtensionContext#getConfigurationParameter} so all three work.
 */
record Settings(int logLines, boolean saveLogs, Path logDir, boolean reuseEnabled, Path reuseStateDir,
        Duration defaultReuseTtl) {
    static final String LOG_LINES = "berth.junit.logLines";
    static final String SAVE_LOGS = "berth.junit.saveLogs";
    static final String LOG_DIR = "berth.junit.logDir";
    static final String REUSE_ENABLED = "berth.reuse.enabled";
    static final String REUSE_STATE_DIR = "berth.reuse.stateDir";
    static final String REUSE_TTL = "berth.reuse.ttl";
    static final int DEFAULT_LOG_LINES = 50;

    static Settings of(ExtensionContext context) {
        return of(context::getConfigurationParameter, System.getenv());
    }

    static Settings of(Function<String, Optional<String>> parameters, Map<String, String> environment) {
        int logLines = parameters.apply(LOG_LINES).map(v -> parseLines(LOG_LINES, v)).orElse(DEFAULT_LOG_LINES);
        boolean saveLogs = parameters.apply(SAVE_LOGS).map(Boolean::parseBoolean).orElse(false);
        Path logDir = Path.of(parameters.apply(LOG_DIR).orElse("target/berth-logs"));
        // Reuse keeps containers running after the run: right on a laptop, wrong on a CI machine, so CI turns it off
        // unless the build asks for it explicitly.
        boolean reuse = parameters.apply(REUSE_ENABLED).map(Boolean::parseBoolean)
                .orElse(environment.get("CI") == null);
        Path stateDir = Path.of(parameters.apply(REUSE_STATE_DIR)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "berth-reuse").toString()));
        Duration ttl = parameters.apply(REUSE_TTL).map(v -> parseTtl(REUSE_TTL, v)).orElse(Duration.ofMinutes(30));
        return new Settings(logLines, saveLogs, logDir, reuse, stateDir, ttl);
    }

    /** The log lines for one class: its {@link DockerTest#logLines()} when set, else the parameter. */
    int logLinesFor(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            DockerTest annotation = c.getAnnotation(DockerTest.class);
            if (annotation != null && annotation.logLines() >= 0) {
                return annotation.logLines();
            }
        }
        return logLines;
    }

    boolean saveLogsFor(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            DockerTest annotation = c.getAnnotation(DockerTest.class);
            if (annotation != null && annotation.saveLogs()) {
                return true;
            }
        }
        return saveLogs;
    }

    private static int parseLines(String key, String value) {
        try {
            int lines = Integer.parseInt(value.trim());
            if (lines >= 0) {
                return lines;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ExtensionConfigurationException("Configuration parameter " + key + "=" + value
                + " is not a number of log lines: give 0 or more, e.g. " + key + "=100");
    }

    private static Duration parseTtl(String key, String value) {
        try {
            return Duration.parse(value.trim());
        } catch (RuntimeException e) {
            throw new ExtensionConfigurationException("Configuration parameter " + key + "=" + value
                    + " is not an ISO-8601 duration: give e.g. " + key + "=PT30M", e);
        }
    }
}
