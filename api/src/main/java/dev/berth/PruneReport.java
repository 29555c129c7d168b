package dev.berth;

import java.util.List;

/**
 * What a prune removed ({@code docker * prune} prints the same lists and "Total reclaimed space").
 *
 * @param containers ids of removed containers
 * @param images untagged references and deleted image ids
 * @param volumes names of removed volumes
 * @param networks names of removed networks
 * @param buildCache ids of removed build cache entries
 * @param spaceReclaimedBytes the disk space freed, in bytes
 */
public record PruneReport(List<String> containers, List<String> images, List<String> volumes, List<String> networks,
        List<String> buildCache, long spaceReclaimedBytes) {
    /**
     * Copies the lists, so the value cannot change.
     *
     * @param containers see {@link #containers()}
     * @param images see {@link #images()}
     * @param volumes see {@link #volumes()}
     * @param networks see {@link #networks()}
     * @param buildCache see {@link #buildCache()}
     * @param spaceReclaimedBytes see {@link #spaceReclaimedBytes()}
     */
    public PruneReport {
        containers = List.copyOf(containers);
        images = List.copyOf(images);
        volumes = List.copyOf(volumes);
        networks = List.copyOf(networks);
        buildCache = List.copyOf(buildCache);
    }

    /**
     * Nothing removed.
     *
     * @return an empty report
     */
    public static PruneReport empty() {
        return new PruneReport(List.of(), List.of(), List.of(), List.of(), List.of(), 0);
    }

    /**
     * What a container prune removed.
     *
     * @param removed container ids
     * @param spaceReclaimedBytes bytes freed
     * @return the report
     */
    public static PruneReport ofContainers(List<String> removed, long spaceReclaimedBytes) {
        return new PruneReport(removed, List.of(), List.of(), List.of(), List.of(), spaceReclaimedBytes);
    }

    /**
     * What an image prune removed (untagged references and deleted ids).
     *
     * @param removed references and ids
     * @param spaceReclaimedBytes bytes freed
     * @return the report
     */
    public static PruneReport ofImages(List<String> removed, long spaceReclaimedBytes) {
        return new PruneReport(List.of(), removed, List.of(), List.of(), List.of(), spaceReclaimedBytes);
    }

    /**
     * What a volume prune removed.
     *
     * @param removed volume names
     * @param spaceReclaimedBytes bytes freed
     * @return the report
     */
    public static PruneReport ofVolumes(List<String> removed, long spaceReclaimedBytes) {
        return new PruneReport(List.of(), List.of(), removed, List.of(), List.of(), spaceReclaimedBytes);
    }

    /**
     * What a network prune removed; networks take no disk space: nothing is reclaimed.
     *
     * @param removed network names
     * @return the report
     */
    public static PruneReport ofNetworks(List<String> removed) {
        return new PruneReport(List.of(), List.of(), List.of(), removed, List.of(), 0);
    }

    /**
     * What a build cache prune removed.
     *
     * @param removed cache entry ids
     * @param spaceReclaimedBytes bytes freed
     * @return the report
     */
    public static PruneReport ofBuildCache(List<String> removed, long spaceReclaimedBytes) {
        return new PruneReport(List.of(), List.of(), List.of(), List.of(), removed, spaceReclaimedBytes);
    }

    /**
     * Both reports together (as {@code docker system prune} adds up its parts).
     *
     * @param other another report
     * @return the lists joined and the space added
     */
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
