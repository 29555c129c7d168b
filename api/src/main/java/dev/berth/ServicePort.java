package dev.berth;

/**
 * A service port: {@code published} 0 lets the engine choose. {@code host} mode publishes on the node running the
 * task (answers on 127.0.0.1 here); {@code ingress} uses the routing mesh.
 */
public record ServicePort(int target, int published, Protocol protocol, boolean hostMode) {
    public ServicePort {
        Validation.port("service target port", target, "publish a port between 1 and 65535");
        if (published != 0) {
            Validation.port("published port", published, "use 1-65535, or 0 to let the engine choose");
        }
        protocol = protocol == null ? Protocol.TCP : protocol;
    }

    /** Published on the node running each task (a random port when {@code published} is 0). */
    public static ServicePort host(int target, int published) {
        return new ServicePort(target, published, Protocol.TCP, true);
    }

    /** Published through the ingress routing mesh. */
    public static ServicePort ingress(int target, int published) {
        return new ServicePort(target, published, Protocol.TCP, false);
    }
}
