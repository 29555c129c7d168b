package dev.berth.core.internal.containers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.ContainerStats;

/** Reads {@code /containers/{id}/stats?stream=false} the way {@code docker stats} computes its columns. */
final class StatsMapper {
    private StatsMapper() {
    }

    static ContainerStats stats(JsonNode s) {
        JsonNode cpu = s.path("cpu_stats");
        JsonNode pre = s.path("precpu_stats");
        double cpuDelta = cpu.path("cpu_usage").path("total_usage").asDouble()
                - pre.path("cpu_usage").path("total_usage").asDouble();
        double systemDelta = cpu.path("system_cpu_usage").asDouble() - pre.path("system_cpu_usage").asDouble();
        int cpus = cpu.path("online_cpus").asInt(0);
        if (cpus == 0) {
            cpus = Math.max(1, cpu.path("cpu_usage").path("percpu_usage").size());
        }
        double cpuPercent = systemDelta > 0 && cpuDelta > 0 ? cpuDelta / systemDelta * cpus * 100.0 : 0.0;
        JsonNode memory = s.path("memory_stats");
        long usage = memory.path("usage").asLong();
        // docker stats leaves out the page cache: total_inactive_file on cgroup v1, inactive_file on v2
        JsonNode stats = memory.path("stats");
        long cache = stats.has("total_inactive_file") ? stats.path("total_inactive_file").asLong()
                : stats.path("inactive_file").asLong();
        long rx = 0;
        long tx = 0;
        for (JsonNode network : s.path("networks")) {
            rx += network.path("rx_bytes").asLong();
            tx += network.path("tx_bytes").asLong();
        }
        return new ContainerStats(cpuPercent, Math.max(0, usage - cache), memory.path("limit").asLong(), rx, tx,
                s.path("pids_stats").path("current").asLong());
    }
}
