package dev.berth;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Progress shown to a person: a redrawn bar on a terminal ({@link #bar}), one line per step elsewhere
 * ({@link #lines}), and the terminal check that picks between them ({@link #terminalAttached()}). Obtain them
 * through {@link ProgressListener#console}, {@link ProgressListener#bar} and {@link ProgressListener#lines}.
 */
public final class ConsoleProgress implements ProgressListener {
    /** System property forcing the choice: {@code bar}, {@code lines} (or anything else: automatic). */
    public static final String MODE_PROPERTY = "berth.progress";

    private static final Pattern BUILD_STEP = Pattern.compile("Step (\\d+)/(\\d+) : (.*)");
    /** Statuses that repeat for every layer without saying anything new: left out of the line display. */
    private static final Set<String> CHATTER = Set.of("Waiting", "Pulling fs layer", "Preparing",
            "Verifying Checksum", "Download complete", "Downloading", "Extracting", "Pushing");
    private static final int BAR_WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final String label;
    private final PrintStream bar;
    private final Consumer<String> lines;
    private int shownLength;
    private long lastDraw;
    private String lastLine = "";
    private String pending;
    private boolean drawn;

    private ConsoleProgress(String label, PrintStream bar, Consumer<String> lines) {
        this.label = label;
        this.bar = bar;
        this.lines = lines;
    }

    static ConsoleProgress bar(String label, PrintStream out) {
        return new ConsoleProgress(label, out, null);
    }

    static ConsoleProgress lines(String label, Consumer<String> sink) {
        return new ConsoleProgress(label, null, sink);
    }

    /**
     * Whether a person is watching a terminal that can redraw a line. True when {@link System#console()} is there
     * (stdin and stdout are a terminal), and also inside jshell, whose snippets run in a second JVM with pipes for
     * stdin and stdout (so {@code System.console()} is null there) while jshell itself draws on the terminal: that
     * JVM is recognised by its main class {@code jdk.jshell.execution.RemoteExecutionControl}, and then the
     * terminal type {@code TERM} must be set and not {@code dumb}. Under Maven, Gradle or an IDE (output to a pipe
     * or a file) it is false. {@code -Dberth.progress=bar} or {@code =lines} overrides the check.
     */
    public static boolean terminalAttached() {
        String forced = System.getProperty(MODE_PROPERTY, "");
        if (forced.equals("bar") || forced.equals("lines")) {
            return forced.equals("bar");
        }
        if (System.console() != null) {
            return true;
        }
        String term = System.getenv("TERM");
        boolean capableTerminal = term != null && !term.isBlank() && !term.equals("dumb");
        return capableTerminal && System.getProperty("sun.java.command", "")
                .startsWith("jdk.jshell.execution.RemoteExecutionControl");
    }

    @Override
    public synchronized void onProgress(Progress progress) {
        if (bar != null) {
            draw(progress);
        } else {
            line(progress);
        }
    }

    @Override
    public synchronized void finished() {
        if (bar == null) {
            return;
        }
        show(); // the last frame may have come within the redraw interval
        if (drawn) {
            bar.println();
            bar.flush();
            drawn = false;
        }
    }

    private void draw(Progress progress) {
        Matcher step = BUILD_STEP.matcher(progress.status());
        double fraction;
        String text;
        if (step.matches()) {
            int n = Integer.parseInt(step.group(1));
            int of = Integer.parseInt(step.group(2));
            fraction = of == 0 ? -1 : (double) (n - 1) / of;
            text = "step " + n + "/" + of + ": " + step.group(3);
        } else if ("build".equals(progress.id())) {
            if (!progress.status().startsWith("Successfully")) {
                return; // a RUN step's own output: the bar keeps showing the step
            }
            fraction = 1;
            text = progress.status();
        } else {
            fraction = progress.fraction();
            text = (fraction < 0 ? "" : String.format(Locale.ROOT, "%3.0f%% of %s  ", fraction * 100,
                    megabytes(progress.overallTotal())))
                    + (progress.id() == null ? "" : progress.id() + ": ") + progress.status();
        }
        int filled = fraction < 0 ? 0 : (int) Math.round(Math.min(1, fraction) * BAR_WIDTH);
        String frame = label + " [" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + text;
        int columns = columns();
        pending = frame.length() > columns - 1 ? frame.substring(0, columns - 2) + "…" : frame;
        long now = System.nanoTime();
        if (!drawn || step.matches() || now - lastDraw >= REDRAW_NANOS) {
            show(); // a terminal needs no more than ten frames a second, but every build step is shown
            lastDraw = now;
        }
    }

    private void show() {
        if (pending == null) {
            return;
        }
        // \r returns to the start of the line; spaces wipe what a longer previous frame left behind
        bar.print("\r" + pending + " ".repeat(Math.max(0, shownLength - pending.length())));
        bar.flush();
        shownLength = pending.length();
        pending = null;
        drawn = true;
    }

    private void line(Progress progress) {
        String status = progress.status();
        String text;
        if ("build".equals(progress.id())) {
            if (!status.startsWith("Step ") && !status.startsWith("Successfully")) {
                return;
            }
            text = status;
        } else {
            if (progress.total() > 0 || CHATTER.contains(status)) {
                return;
            }
            double fraction = progress.fraction();
            text = progress + (progress.id() != null && fraction >= 0
                    ? String.format(Locale.ROOT, " (%.0f%% of %s)", fraction * 100, megabytes(progress.overallTotal()))
                    : "");
        }
        if (!text.equals(lastLine)) {
            lastLine = text;
            lines.accept(label + ": " + text);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** The terminal's width when the shell exports it, else 100. */
    private static int columns() {
        try {
            int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100").strip());
            return Math.max(40, columns);
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    @Override
    public String toString() {
        return "ConsoleProgress[" + label + (bar != null ? ", bar]" : ", lines]");
    }
}
