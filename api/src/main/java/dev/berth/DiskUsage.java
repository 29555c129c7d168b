package dev.berth;

/** {@code docker system df}. */
public record DiskUsage(UsageCategory images, UsageCategory containers, UsageCategory volumes,
        UsageCategory buildCache) {
    @Override
    public String toString() {
        return images + "\n" + containers + "\n" + volumes + "\n" + buildCache;
    }
}
