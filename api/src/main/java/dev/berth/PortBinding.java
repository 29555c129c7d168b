package dev.berth;

/**
 * A container port published on the host. Binds 127.0.0.1 unless {@link #onAllInterfaces()} or {@link #onHostIp}
 * says otherwise; a host port of 0 means "a random free port", read back with {@code container.hostPort(port)}.
 */
public record PortBinding(int containerPort, Protocol protocol, String hostIp, int hostPort) {
    /** The host IP Berth binds by default: loopback, reachable only from this machine. */
    public static final String LOOPBACK = "127.0.0.1";

    /**
     * Checks the values.
     *
     * @param containerPort see {@link #containerPort()}
     * @param protocol see {@link #protocol()}
     * @param hostIp see {@link #hostIp()}
     * @param hostPort see {@link #hostPort()}
     * @throws InvalidSpecException when a value breaks its rule
     */
    public PortBinding {
        Validation.port("container port", containerPort, "publish a container port between 1 and 65535");
        if (hostPort != 0) {
            Validation.port("host port", hostPort,
                    "use a host port between 1 and 65535, or publish(containerPort) for a random free host port");
        }
        if (protocol == null) {
            protocol = Protocol.TCP;
        }
        if (hostIp == null || hostIp.isBlank()) {
            throw new InvalidSpecException("host IP", hostIp, "a published port needs a host IP to bind",
                    "use onHostIp(\"127.0.0.1\") or onAllInterfaces()");
        }
        Validation.hostIp("host IP", hostIp, false);
    }

    /**
     * {@code -p 127.0.0.1::PORT/tcp}: a TCP port on a random free host port.
     *
     * @param containerPort the port inside the container
     * @return the binding
     * @throws InvalidSpecException when the port is not 1 to 65535
     */
    public static PortBinding tcp(int containerPort) {
        return new PortBinding(containerPort, Protocol.TCP, LOOPBACK, 0);
    }

    /**
     * {@code -p 127.0.0.1::PORT/udp}.
     *
     * @param containerPort the port inside the container
     * @return the binding
     * @throws InvalidSpecException when the port is not 1 to 65535
     */
    public static PortBinding udp(int containerPort) {
        return new PortBinding(containerPort, Protocol.UDP, LOOPBACK, 0);
    }

    /**
     * {@code -p HOSTPORT:PORT}: a fixed host port.
     *
     * @param port 1 to 65535, or 0 for a random one
     * @return a new binding; this one is unchanged
     * @throws InvalidSpecException when it is out of range
     */
    public PortBinding toHostPort(int port) {
        return new PortBinding(containerPort, protocol, hostIp, port);
    }

    /**
     * {@code -p IP::PORT}: bind one host address.
     *
     * @param ip an IP address of this host
     * @return a new binding; this one is unchanged
     * @throws InvalidSpecException when it is not an IP address
     */
    public PortBinding onHostIp(String ip) {
        return new PortBinding(containerPort, protocol, ip, hostPort);
    }

    /**
     * Bind every host interface (0.0.0.0): reachable from other machines. Only when you mean it.
     *
     * @return a new binding; this one is unchanged
     */
    public PortBinding onAllInterfaces() {
        return onHostIp("0.0.0.0");
    }

    /**
     * Whether the engine picks the host port.
     *
     * @return true when the host port is 0
     */
    public boolean randomHostPort() {
        return hostPort == 0;
    }

    @Override
    public String toString() {
        return hostIp + ":" + (hostPort == 0 ? "random" : String.valueOf(hostPort)) + "->" + containerPort + "/"
                + protocol.wireName();
    }
}
