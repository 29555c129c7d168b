package dev.berth.core.internal.images;

import com.github.dockerjava.api.model.ResponseItem;
import dev.berth.Progress;
import dev.berth.ProgressListener;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns the engine's per-layer progress messages into {@link Progress} updates with overall byte totals. */
final class ProgressTracker {
    private final ProgressListener listener;
    private final Map<String, long[]> layers = new LinkedHashMap<>();

    ProgressTracker(ProgressListener listener) {
        this.listener = listener;
    }

    synchronized void accept(ResponseItem item) {
        String id = item.getId();
        String status = item.getStatus();
        if (status == null) {
            return;
        }
        long current = 0;
        long total = 0;
        ResponseItem.ProgressDetail detail = item.getProgressDetail();
        if (detail != null) {
            current = detail.getCurrent() == null ? 0 : detail.getCurrent();
            total = detail.getTotal() == null ? 0 : detail.getTotal();
        }
        if (id != null) {
            long[] layer = layers.computeIfAbsent(id, k -> new long[2]);
            if (total > 0) {
                layer[0] = current;
                layer[1] = total;
            } else if (status.startsWith("Pull complete") || status.startsWith("Pushed")
                    || status.startsWith("Already exists") || status.startsWith("Layer already exists")) {
                layer[0] = layer[1];
            }
        }
        long overallCurrent = 0;
        long overallTotal = 0;
        for (long[] layer : layers.values()) {
            overallCurrent += layer[0];
            overallTotal += layer[1];
        }
        listener.onProgress(new Progress(id, status, current, total, overallCurrent, overallTotal));
    }
}
