package dev.berth.core.internal.images;

import dev.berth.ConsoleProgress;
import dev.berth.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress when the caller gave no listener: the api's redrawn bar when a person watches a terminal (jshell
 * included, see {@link ConsoleProgress#terminalAttached()}), otherwise one INFO line per step.
 */
public final class DefaultProgress {
    private static final Logger LOG = LoggerFactory.getLogger("dev.berth.progress");

    private DefaultProgress() {
    }

    public static ProgressListener forOperation(String operation, String reference) {
        String label = reference.isEmpty() ? operation : operation + " " + reference;
        return ConsoleProgress.terminalAttached() ? ProgressListener.bar(label, System.out)
                : ProgressListener.lines(label, LOG::info);
    }
}
