package dev.berth;

import java.util.List;
import java.util.Map;

/** {@code docker network inspect}, with the containers attached. */
public record NetworkInfo(String id, String name, String driver, boolean internal, boolean ipv6, List<String> subnets,
        List<String> gateways, Map<String, String> labels, List<Member> containers) {
    /**
     * Copies the collections, so the value cannot change.
     *
     * @param id see {@link #id()}
     * @param name see {@link #name()}
     * @param driver see {@link #driver()}
     * @param internal see {@link #internal()}
     * @param ipv6 see {@link #ipv6()}
     * @param subnets see {@link #subnets()}
     * @param gateways see {@link #gateways()}
     * @param labels see {@link #labels()}
     * @param containers see {@link #containers()}
     */
    public NetworkInfo {
        subnets = List.copyOf(subnets);
        gateways = List.copyOf(gateways);
        labels = Map.copyOf(labels);
        containers = List.copyOf(containers);
    }

    /** A container on the network and its address there. */
    public record Member(String containerId, String name, String ipv4Address, String ipv6Address) {
        @Override
        public String toString() {
            return name + "=" + ipv4Address;
        }
    }

    @Override
    public String toString() {
        return name + " (" + driver + (internal ? ", internal" : "") + ", " + subnets + ") containers=" + containers;
    }
}
