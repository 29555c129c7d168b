package dev.berth;

/** {@code docker info}: a summary of the engine host. */
public record EngineInfo(String name, String serverVersion, String operatingSystem, String osType, String architecture,
        int cpus, long memoryBytes, int containers, int containersRunning, int containersPaused, int containersStopped,
        int images, String storageDriver, String cgroupVersion, String dockerRootDir) {
    @Override
    public String toString() {
        return name + ": Docker " + serverVersion + " on " + operatingSystem + " (" + architecture + "), " + cpus
                + " CPUs, " + (memoryBytes >> 20) + " MiB; containers " + containers + " (" + containersRunning
                + " running, " + containersPaused + " paused, " + containersStopped + " stopped), images " + images
                + ", storage " + storageDriver + ", cgroup v" + cgroupVersion;
    }
}
