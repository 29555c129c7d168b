package dev.berth;

/** One row of {@code docker system df}. */
public record UsageCategory(String type, int total, int active, long sizeBytes, long reclaimableBytes) {
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%-14s total %4d  active %4d  size %8.1f MB  reclaimable %8.1f MB",
                type, total, active, sizeBytes / 1e6, reclaimableBytes / 1e6);
    }
}
