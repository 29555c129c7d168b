package dev.berth.core.internal.compose;

import dev.berth.Container;
import dev.berth.ContainerSummary;
import dev.berth.LogFollow;
import dev.berth.LogLine;
import dev.berth.LogOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code docker compose logs [-f]}: every container's lines, each prefixed with its {@code service-N} padded to the
 * longest such name and {@code " | "}, as Compose prints them. A snapshot is merged in time order (the lines are
 * read with their engine timestamps, which are then dropped).
 */
final class StackLogs {
    private StackLogs() {
    }

    static List<String> snapshot(StackEngine engine, List<ContainerSummary> containers) {
        int width = width(containers);
        List<Stamped> all = new ArrayList<>();
        for (ContainerSummary summary : containers) {
            String prefix = prefix(summary, width);
            engine.containers().find(summary.id()).ifPresent(c -> {
                for (LogLine line : c.logs().fetch(LogOptions.all().withTimestamps()).lines()) {
                    all.add(new Stamped(line.timestamp(), prefix + line.text()));
                }
            });
        }
        all.sort(Comparator.comparing(Stamped::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        return all.stream().map(Stamped::text).toList();
    }

    /** One follow per container; the returned follow ends when all of them have ended and closes them all. */
    static LogFollow follow(StackEngine engine, List<ContainerSummary> containers, Consumer<String> consumer) {
        int width = width(containers);
        List<LogFollow> follows = new ArrayList<>();
        for (ContainerSummary summary : containers) {
            String prefix = prefix(summary, width);
            engine.containers().find(summary.id()).map(Container::logs).ifPresent(logs -> follows.add(
                    logs.follow(LogOptions.all(), line -> {
                        synchronized (consumer) { // one line at a time, never interleaved
                            consumer.accept(prefix + line.text());
                        }
                    })));
        }
        return new LogFollow() {
            @Override
            public void awaitEnd(Duration timeout) {
                long deadline = System.nanoTime() + timeout.toNanos();
                for (LogFollow f : follows) {
                    f.awaitEnd(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                }
            }

            @Override
            public void close() {
                follows.forEach(LogFollow::close);
            }
        };
    }

    /** {@code service-N}, or the container's name for a container without Compose's labels. */
    static String label(ContainerSummary c) {
        String service = c.labels().get(EngineStacks.SERVICE);
        return service == null ? c.name() : service + "-" + EngineStack.number(c);
    }

    private static int width(List<ContainerSummary> containers) {
        return containers.stream().mapToInt(c -> label(c).length()).max().orElse(0);
    }

    private static String prefix(ContainerSummary c, int width) {
        return String.format("%-" + width + "s | ", label(c));
    }

    private record Stamped(Instant at, String text) {
    }
}
