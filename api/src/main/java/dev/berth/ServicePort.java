package dev.berth;

/**
 * A service port: {@code published} 0 lets the engine choose. {@code host} mode publishes on the node running the
 * task (answers on 127.0.0.1 here); {@code ingress} uses the routing mesh. Maps to
 * {@code docker service create --publish mode=host|ingress,target=T,published=P,protocol=tcp|udp}.
 *
 * @param target the port in the task's container
 * @param published the port on the node or mesh, 0 to let the engine choose
 * @param protocol TCP (the default when null) or UDP
 * @param hostMode true for {@code mode=host}, false for {@code mode=ingress}
 */
public record ServicePort(int target, int published, Protocol protocol, boolean hostMode) {
    /**
     * Checks the ports.
     *
     * @param target see {@link #target()}
     * @param published see {@link #published()}
     * @param protocol see {@link #protocol()}
     * @param hostMode see {@link #hostMode()}
     * @throws InvalidSpecException when the target is not 1-65535, or the published port is neither 0 nor 1-65535
     */
    public ServicePort {
        Validation.port("service target port", target, "publish a port between 1 and 65535");
        if (published != 0) {
            Validation.port("published port", published, "use 1-65535, or 0 to let the engine choose");
        }
        protocol = protocol == null ? Protocol.TCP : protocol;
    }

    /**
     * Published on the node running each task ({@code mode=host}; a random port when {@code published} is 0).
     *
     * @param target the port in the task's container
     * @param published the node port, 0 to let the engine choose
     * @return the TCP port
     */
    public static ServicePort host(int target, int published) {
        return new ServicePort(target, published, Protocol.TCP, true);
    }

    /**
     * Published through the ingress routing mesh ({@code mode=ingress}) on every node.
     *
     * @param target the port in the task's container
     * @param published the mesh port, 0 to let the engine choose
     * @return the TCP port
     */
    public static ServicePort ingress(int target, int published) {
        return new ServicePort(target, published, Protocol.TCP, false);
    }
}
