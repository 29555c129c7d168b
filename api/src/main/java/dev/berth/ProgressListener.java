package dev.berth;

/** Receives progress updates (on the thread reading the engine's stream: keep it quick). */
@FunctionalInterface
public interface ProgressListener {
    /**
     * Called for each update of {@code docker pull / push / build} output.
     *
     * @param progress the layer or step, its status and bytes
     */
    void onProgress(Progress progress);

    /**
     * Ignore progress.
     *
     * @return a listener that does nothing
     */
    static ProgressListener none() {
        return p -> {
        };
    }
}
