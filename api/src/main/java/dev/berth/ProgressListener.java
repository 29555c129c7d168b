package dev.berth;

import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Receives the progress of a pull, push or build ({@code docker pull / push / build}), on the thread reading the
 * engine's stream: keep it quick. Pass one to {@link Images#pull(String, ProgressListener)},
 * {@link Images#push(String, ProgressListener)} or {@link BuildSpec#progress(ProgressListener)}; the ones here show
 * progress to a person the way the docker CLI does:
 * <pre>{@code
 * docker.images().pull("redis:7", ProgressListener.console("pull redis:7"));   // bar on a terminal, else lines
 * docker.images().pull("redis:7", p -> metrics.record(p.fraction()));         // an application's own
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {
    /** One update: a layer's or a build step's status, with byte counts where the engine sends them. */
    void onProgress(Progress progress);

    /**
     * Called once when the operation ends, whether it succeeded or failed (after the last {@link #onProgress}), so a
     * display can finish its line. Does nothing unless overridden.
     */
    default void finished() {
    }

    /** Ignore progress. */
    static ProgressListener none() {
        return p -> {
        };
    }

    /**
     * What the docker CLI shows: a live, redrawn bar on {@code System.out} when a person watches a terminal
     * (see {@link ConsoleProgress#terminalAttached()}, which also recognises jshell), otherwise one line per step
     * on {@code System.out}.
     *
     * @param label what the operation is, shown first on each line, e.g. {@code "pull redis:7"}
     */
    static ProgressListener console(String label) {
        return console(label, System.out::println);
    }

    /**
     * Like {@link #console(String)}, but without a terminal the lines go to {@code lines} (a logger, say) instead of
     * {@code System.out}. Berth's own default for pull, push and build is this with an INFO logger.
     */
    static ProgressListener console(String label, Consumer<String> lines) {
        return ConsoleProgress.terminalAttached() ? bar(label, System.out) : lines(label, lines);
    }

    /** A single bar redrawn in place with {@code \r} (needs a terminal); ends its line when the operation ends. */
    static ProgressListener bar(String label, PrintStream out) {
        return ConsoleProgress.bar(label, out);
    }

    /**
     * One line per step for logs and pipes: each layer pulled or pushed (with the overall percentage), each build
     * step ({@code Step 2/5 : RUN …}) and the final status; byte-by-byte updates are left out.
     */
    static ProgressListener lines(String label, Consumer<String> sink) {
        return ConsoleProgress.lines(label, sink);
    }
}
