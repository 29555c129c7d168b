package dev.berth.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What one JUnit context (a test, a class, the run) started or uses, kept in that context's store so JUnit closes
 * it whatever happens. Closing releases what it owns, last started first; every failure is kept (the first thrown,
 * the others suppressed), none hides another. {@code AutoCloseable} for JUnit 5.13+ and 6 (no warning there), and
 * {@code CloseableResource} too, because JUnit 5.10 to 5.12 close only those.
 */
@SuppressWarnings("deprecation") // CloseableResource: still the only kind JUnit 5.10-5.12 close
final class Scope implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    private final List<Managed> owned = new ArrayList<>(); // guarded by this
    private final List<Managed> used = new ArrayList<>();
    private final boolean run;
    private final Map<Managed, CompletableFuture<Void>> starts = new ConcurrentHashMap<>();

    private Scope(boolean run) {
        this.run = run;
    }

    /** A test's or a class's scope: owns what it acquired. */
    static Scope local() {
        return new Scope(false);
    }

    /** The run's scope: owns the shared and reused ones, each once. */
    static Scope run() {
        return new Scope(true);
    }

    synchronized void owns(Managed managed) {
        owned.add(managed);
        used.add(managed);
    }

    /** Started elsewhere (the run), used here: reported on failure, not released here. */
    synchronized void uses(Managed managed) {
        used.add(managed);
    }

    synchronized List<Managed> involved() {
        return List.copyOf(used);
    }

    /**
     * The run scope starts each shared or reused field once, whichever class asks first; classes asking at the
     * same time wait for that start and get its result (its failure too, rather than trying again).
     */
    void acquireOnce(Managed managed, Runnable acquire) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> first = starts.putIfAbsent(managed, mine);
        if (first == null) {
            try {
                acquire.run();
                owns(managed);
                mine.complete(null);
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
                throw e;
            }
            return;
        }
        try {
            first.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    @Override
    public void close() {
        List<Managed> toRelease;
        synchronized (this) {
            toRelease = new ArrayList<>(owned);
            owned.clear();
            used.clear();
            starts.clear();
        }
        RuntimeException failure = null;
        for (int i = toRelease.size() - 1; i >= 0; i--) {
            try {
                toRelease.get(i).release();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return (run ? "run scope " : "scope ") + used;
    }
}
