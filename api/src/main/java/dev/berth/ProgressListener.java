package dev.berth;

/** Receives progress updates (on the thread reading the engine's stream: keep it quick). */
@FunctionalInterface
public interface ProgressListener {
    void onProgress(Progress progress);

    /** Ignore progress. */
    static ProgressListener none() {
        return p -> {
        };
    }
}
