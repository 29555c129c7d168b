package dev.berth.core.internal.images;

import dev.berth.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress when the caller gave no listener: the api's redrawn bar when a person watches a terminal (jshell
 * included, see {@link dev.berth.ConsoleProgress#terminalAttached()}), otherwise one INFO line per step.
 */
final class DefaultProgress {
    private static final Logger LOG = LoggerFactory.getLogger("dev.berth.progress");

    private DefaultProgress() {
    }

    static ProgressListener forOperation(String operation, String reference) {
        return ProgressListener.console(reference.isEmpty() ? operation : operation + " " + reference, LOG::info);
    }
}
