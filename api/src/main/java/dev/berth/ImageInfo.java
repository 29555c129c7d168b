package dev.berth;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code docker image inspect}, in Berth's terms. */
public record ImageInfo(String id, List<String> tags, List<String> digests, long sizeBytes, Instant created,
        Map<String, String> labels, List<String> exposedPorts, String user, List<String> entrypoint, List<String> cmd,
        String workdir, List<String> env, String architecture, String os) {
    /**
     * Copies the collections, so the value cannot change.
     *
     * @param id see {@link #id()}
     * @param tags see {@link #tags()}
     * @param digests see {@link #digests()}
     * @param sizeBytes see {@link #sizeBytes()}
     * @param created see {@link #created()}
     * @param labels see {@link #labels()}
     * @param exposedPorts see {@link #exposedPorts()}
     * @param user see {@link #user()}
     * @param entrypoint see {@link #entrypoint()}
     * @param cmd see {@link #cmd()}
     * @param workdir see {@link #workdir()}
     * @param env see {@link #env()}
     * @param architecture see {@link #architecture()}
     * @param os see {@link #os()}
     */
    public ImageInfo {
        tags = List.copyOf(tags);
        digests = List.copyOf(digests);
        labels = Map.copyOf(labels);
        exposedPorts = List.copyOf(exposedPorts);
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        env = List.copyOf(env);
    }

    @Override
    public String toString() {
        return (tags.isEmpty() ? id : String.join(", ", tags)) + " " + String.format(java.util.Locale.ROOT, "%.1f MB",
                sizeBytes / 1e6) + " " + os + "/" + architecture + (exposedPorts.isEmpty() ? "" : " ports=" + exposedPorts)
                + (entrypoint.isEmpty() ? "" : " entrypoint=" + entrypoint) + (cmd.isEmpty() ? "" : " cmd=" + cmd)
                + (user == null || user.isEmpty() ? "" : " user=" + user);
    }
}
