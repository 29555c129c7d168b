package dev.berth.core.internal.images;

import dev.berth.Progress;
import dev.berth.ProgressListener;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress when the caller gave no listener: a single redrawn bar on a terminal, otherwise a few INFO lines (start,
 * each quarter, done) rather than one per engine message.
 */
final class DefaultProgress {
    private static final Logger LOG = LoggerFactory.getLogger("dev.berth.progress");

    private DefaultProgress() {
    }

    static ProgressListener forOperation(String operation, String reference) {
        return System.console() != null ? terminal(operation, reference, System.out) : log(operation, reference);
    }

    static ProgressListener terminal(String operation, String reference, PrintStream out) {
        return p -> {
            double fraction = p.fraction();
            int width = 30;
            int filled = fraction < 0 ? 0 : (int) Math.round(fraction * width);
            out.print(String.format(Locale.ROOT, "\r%s %s [%s%s] %s", operation, reference, "#".repeat(filled),
                    " ".repeat(width - filled), fraction < 0 ? p.status()
                            : String.format(Locale.ROOT, "%3.0f%% of %.1f MB", fraction * 100, p.overallTotal() / 1e6)));
            out.flush();
        };
    }

    static ProgressListener log(String operation, String reference) {
        return log(operation, reference, LOG::info);
    }

    /** Logs at 0, 25, 50, 75 and 100 percent of the bytes known so far; lines go to {@code sink}. */
    static ProgressListener log(String operation, String reference, java.util.function.Consumer<String> sink) {
        Set<Integer> quartersLogged = new HashSet<>();
        return p -> {
            double fraction = p.fraction();
            if (fraction < 0) {
                return;
            }
            int quarter = (int) (fraction * 4);
            if (quartersLogged.add(quarter)) {
                sink.accept(String.format(Locale.ROOT, "%s %s: %d%% of %.1f MB", operation, reference, quarter * 25,
                        p.overallTotal() / 1e6));
            }
        };
    }
}
