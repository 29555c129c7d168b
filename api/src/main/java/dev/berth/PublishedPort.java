package dev.berth;

/** A container port as the engine actually published it. */
public record PublishedPort(int containerPort, Protocol protocol, String hostIp, int hostPort) {
    @Override
    public String toString() {
        return hostIp + ":" + hostPort + "->" + containerPort + "/" + protocol.wireName();
    }
}
