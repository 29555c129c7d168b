package dev.berth.junit;

import dev.berth.Container;
import dev.berth.ContainerState;
import dev.berth.ContainerStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a failed test needs to see about its containers: name, image, state, exit code and the last log lines, as
 * report entries (one per container, so IDEs and XML reports show them next to the test) and as one block on
 * stderr, written in a single call so parallel tests do not interleave. Optionally the full logs go to files.
 */
final class FailureReport {
    static final String ENTRY_PREFIX = "berth.container.";

    private FailureReport() {
    }

    static void publish(ExtensionContext context, List<Managed> involved, int logLines, boolean saveLogs,
            Path logDir, PrintStream console) {
        Map<String, Container> containers = new LinkedHashMap<>();
        for (Managed managed : involved) {
            for (Container container : managed.liveContainers()) {
                containers.putIfAbsent(container.id(), container);
            }
        }
        if (containers.isEmpty()) {
            return;
        }
        StringBuilder block = new StringBuilder("\n[berth] ").append(context.getDisplayName()).append(" in ")
                .append(context.getRequiredTestClass().getName()).append(" failed; its containers:\n");
        for (Container container : containers.values()) {
            String text;
            try {
                text = describe(container, logLines);
                if (saveLogs) {
                    Path file = saveFullLog(context, container, logDir);
                    text += "\nfull log: " + file.toAbsolutePath();
                }
            } catch (RuntimeException | IOException e) {
                text = "(could not be described: " + e + ")";
            }
            context.publishReportEntry(ENTRY_PREFIX + container.name(), text);
            block.append("--- ").append(container.name()).append(": ").append(text.replace("\n", "\n  | "))
                    .append('\n');
        }
        console.print(block);
        console.flush();
    }

    /** One container: "image=… state=… exitCode=…", then the last lines of its log. */
    static String describe(Container container, int logLines) {
        ContainerState state = container.inspect();
        StringBuilder text = new StringBuilder("image=").append(state.image())
                .append(" state=").append(state.status().wireName());
        if (state.status() != ContainerStatus.RUNNING && state.exitCode() != null) {
            text.append(" exitCode=").append(state.exitCode());
        } else {
            text.append(" exitCode=none");
        }
        if (state.oomKilled()) {
            text.append(" oom-killed");
        } else if (state.probablyOutOfMemory()) {
            text.append(" probably-oom-killed");
        }
        if (logLines > 0) {
            List<String> lines = container.logs().tail(logLines).texts();
            if (lines.isEmpty()) {
                text.append("\n(no log output)");
            } else {
                text.append("\nlast ").append(lines.size()).append(" log lines:");
                lines.forEach(line -> text.append('\n').append(line));
            }
        }
        return text.toString();
    }

    /** {@code <logDir>/<class>/<test>/<container>.log}. */
    static Path saveFullLog(ExtensionContext context, Container container, Path logDir) throws IOException {
        Path dir = logDir.resolve(safe(context.getRequiredTestClass().getName())).resolve(safe(testName(context)));
        Files.createDirectories(dir);
        Path file = dir.resolve(safe(container.name()) + ".log");
        Files.writeString(file, container.logs().all().text() + "\n");
        return file;
    }

    /** The method name; repeated and parameterized invocations add their display name to stay apart. */
    static String testName(ExtensionContext context) {
        String method = context.getRequiredTestMethod().getName();
        String display = context.getDisplayName();
        return display.equals(method + "()") || display.equals(method) ? method : method + "-" + display;
    }

    private static String safe(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._$-]", "_");
        return cleaned.length() > 120 ? cleaned.substring(0, 120) : cleaned;
    }
}
