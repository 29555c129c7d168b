package dev.berth.junit;

import dev.berth.Container;
import dev.berth.Docker;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What JUnit closes: every release runs, every failure is kept, and JUnit has nothing to warn about. */
class ClosingTest {
    static final List<String> STOPPED = new ArrayList<>();

    /** A managed field whose stop fails (or not), to see what the extension does with the failure. */
    static final class Probe extends Managed {
        private final String name;
        private final boolean failsToStop;

        Probe(String name, boolean failsToStop) {
            this.name = name;
            this.failsToStop = failsToStop;
        }

        @Override
        void start(Docker docker, Settings settings, Origin origin) {
        }

        @Override
        void stop() {
            synchronized (STOPPED) {
                STOPPED.add(name);
            }
            if (failsToStop) {
                throw new IllegalStateException("cannot stop " + name);
            }
        }

        @Override
        boolean runScoped(Settings settings) {
            return false;
        }

        @Override
        List<Container> liveContainers() {
            return List.of();
        }
    }

    @DockerTest
    static class TwoFailToStop {
        static final Probe FIRST = new Probe("first", true);
        static final Probe SECOND = new Probe("second", false);
        static final Probe THIRD = new Probe("third", true);

        @Test
        void runs() {
        }
    }

    @Test
    void everyFieldIsReleasedAndEveryCloseFailureIsKept() {
        STOPPED.clear();
        List<LogRecord> warnings = new ArrayList<>();
        Logger junit = Logger.getLogger("org.junit");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    synchronized (warnings) {
                        warnings.add(record);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        junit.addHandler(capture);
        List<Event> failed;
        try {
            var results = TestSupport.run(TwoFailToStop.class);
            results.testEvents().assertStatistics(s -> s.succeeded(1));
            failed = results.containerEvents().failed().list();
        } finally {
            junit.removeHandler(capture);
        }
        assertEquals(List.of("first", "second", "third").size(), STOPPED.size(), "all released: " + STOPPED);
        assertTrue(STOPPED.containsAll(List.of("first", "second", "third")));
        assertEquals(1, failed.size(), "the class fails");
        Throwable thrown = failed.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow();
        List<String> messages = new ArrayList<>();
        collectMessages(thrown, messages); // JUnit may wrap the store's failure in its own
        assertTrue(messages.containsAll(List.of("cannot stop first", "cannot stop third")), "" + messages);
        assertEquals(List.of(), warnings.stream().map(LogRecord::getMessage)
                .filter(m -> m != null && m.contains("CloseableResource")).toList(), "JUnit warned");
    }

    private static void collectMessages(Throwable t, List<String> into) {
        into.add(t.getMessage());
        for (Throwable suppressed : t.getSuppressed()) {
            collectMessages(suppressed, into);
        }
        if (t.getCause() != null && t.getCause() != t) {
            collectMessages(t.getCause(), into);
        }
    }
}
