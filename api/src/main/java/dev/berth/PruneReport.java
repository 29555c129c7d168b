package dev.berth;

import java.util.List;

/** What a prune removed. */
public record PruneReport(List<String> containers, List<String> images, List<String> volumes, List<String> networks,
        List<String> buildCache, long spaceReclaimedBytes) {
    public PruneReport {
        containers = List.copyOf(containers);
        images = List.copyOf(images);
        volumes = List.copyOf(volumes);
        networks = List.copyOf(networks);
        buildCache = List.copyOf(buildCache);
    }

    public static PruneReport empty() {
        return new PruneReport(List.of(), List.of(), List.of(), List.of(), List.of(), 0);
    }

    /** What a container prune removed. */
    public static PruneReport ofContainers(List<String> removed, long spaceReclaimedBytes) {
        return new PruneReport(removed, List.of(), List.of(), List.of(), List.of(), spaceReclaimedBytes);
    }

    /** What an image prune removed (untagged references and deleted ids). */
    public static PruneReport ofImages(List<String> removed, long spaceReclaimedBytes) {
        return new PruneReport(List.of(), removed, List.of(), List.of(), List.of(), spaceReclaimedBytes);
    }

    public static PruneReport ofVolumes(List<String> removed, long spaceReclaimedBytes) {
        return new PruneReport(List.of(), List.of(), removed, List.of(), List.of(), spaceReclaimedBytes);
    }

    /** Networks take no disk space: nothing is reclaimed. */
    public static PruneReport ofNetworks(List<String> removed) {
        return new PruneReport(List.of(), List.of(), List.of(), removed, List.of(), 0);
    }

    public static PruneReport ofBuildCache(List<String> removed, long spaceReclaimedBytes) {
        return new PruneReport(List.of(), List.of(), List.of(), List.of(), removed, spaceReclaimedBytes);
    }

    public PruneReport plus(PruneReport other) {
        return new PruneReport(concat(containers, other.containers), concat(images, other.images),
                concat(volumes, other.volumes), concat(networks, other.networks),
                concat(buildCache, other.buildCache), spaceReclaimedBytes + other.spaceReclaimedBytes);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Override
    public String toString() {
        return "removed " + containers.size() + " containers, " + images.size() + " images, " + volumes.size()
                + " volumes, " + networks.size() + " networks, " + buildCache.size() + " build cache entries; reclaimed "
                + (spaceReclaimedBytes >> 20) + " MiB";
    }
}
