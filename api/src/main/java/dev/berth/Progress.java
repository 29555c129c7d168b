package dev.berth;

/**
 * A progress update of a pull, push or build: the layer (or step) it is about, its status text, its bytes, and the
 * totals over all layers seen so far (0 when unknown).
 */
public record Progress(String id, String status, long current, long total, long overallCurrent, long overallTotal) {
    /**
     * Overall fraction done, 0..1; -1 while the total is unknown.
     *
     * @return the fraction, or -1
     */
    public double fraction() {
        return overallTotal <= 0 ? -1 : Math.min(1.0, (double) overallCurrent / overallTotal);
    }

    @Override
    public String toString() {
        return (id == null ? "" : id + ": ") + status + (total > 0 ? " " + current + "/" + total : "");
    }
}
