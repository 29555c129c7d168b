package dev.berth;

/** A one-shot {@code docker stats --no-stream} sample. */
public record ContainerStats(double cpuPercent, long memoryUsageBytes, long memoryLimitBytes, long networkRxBytes,
        long networkTxBytes, long pids) {
    /**
     * {@code docker stats}' MEM %: usage over the limit.
     *
     * @return 0 to 100; 0 when there is no limit
     */
    public double memoryPercent() {
        return memoryLimitBytes == 0 ? 0 : 100.0 * memoryUsageBytes / memoryLimitBytes;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "CPU %.2f%%  MEM %.1f MiB / %.1f MiB (%.1f%%)  NET %d B / %d B  PIDS %d",
                cpuPercent, memoryUsageBytes / 1048576.0, memoryLimitBytes / 1048576.0, memoryPercent(),
                networkRxBytes, networkTxBytes, pids);
    }
}
