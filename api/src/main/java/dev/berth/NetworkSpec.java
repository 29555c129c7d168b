package dev.berth;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code docker network create}: driver and its options, internal, labels, IPv4 subnet/gateway, IPv6. Immutable. */
public record NetworkSpec(String name, String driver, boolean internalOnly, Map<String, String> labels, String subnet,
        String gateway, boolean ipv6, String ipv6Subnet, Map<String, String> options) {
    /**
     * Checks the values and copies the collections, so the value cannot change.
     *
     * @param name see {@link #name()}
     * @param driver see {@link #driver()}
     * @param internalOnly see {@link #internalOnly()}
     * @param labels see {@link #labels()}
     * @param subnet see {@link #subnet()}
     * @param gateway see {@link #gateway()}
     * @param ipv6 see {@link #ipv6()}
     * @param ipv6Subnet see {@link #ipv6Subnet()}
     * @param options see {@link #options()}
     * @throws InvalidSpecException when a value breaks its rule
     */
    public NetworkSpec {
        Validation.objectName("network name", name,
                "use letters, digits, '_', '.' or '-', starting with a letter or digit, e.g. \"mynet\"");
        Validation.notBlank("network driver", driver, "use \"bridge\" (the default) or another installed driver");
        labels = Map.copyOf(labels);
        options = Map.copyOf(options);
        if (gateway != null && subnet == null) {
            throw new InvalidSpecException("network gateway", gateway, "a gateway needs a subnet",
                    "add .subnet(\"10.10.0.0/24\") too");
        }
        if (subnet != null && !subnet.matches("[0-9.]+/\\d{1,2}")) {
            throw new InvalidSpecException("subnet", subnet, "an IPv4 subnet is written in CIDR form",
                    "e.g. \"172.28.0.0/16\"");
        }
    }

    /**
     * {@code docker network create NAME}.
     *
     * @param name the network's name
     * @return a spec with the engine's defaults (bridge driver)
     * @throws InvalidSpecException when the name is invalid
     */
    public static NetworkSpec named(String name) {
        return new NetworkSpec(name, "bridge", false, Map.of(), null, null, false, null, Map.of());
    }

    /**
     * {@code --driver}: "bridge", "overlay", "macvlan" ….
     *
     * @param value the driver
     * @return a new spec; this one is unchanged
     */
    public NetworkSpec driver(String value) {
        return new NetworkSpec(name, value, internalOnly, labels, subnet, gateway, ipv6, ipv6Subnet, options);
    }

    /**
     * No route out of the network: containers on it reach only each other.
     *
     * {@code --internal}.
     *
     * @return a new spec; this one is unchanged
     */
    public NetworkSpec internal() {
        return new NetworkSpec(name, driver, true, labels, subnet, gateway, ipv6, ipv6Subnet, options);
    }

    /**
     * {@code --label KEY=VALUE}.
     *
     * @param key the label's key
     * @param value its value
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when the key is invalid
     */
    public NetworkSpec label(String key, String value) {
        var copy = new LinkedHashMap<>(labels);
        Validation.labelKey(key);
        copy.put(key, Validation.required("value of label " + key, value, "pass \"\" for an empty value"));
        return new NetworkSpec(name, driver, internalOnly, copy, subnet, gateway, ipv6, ipv6Subnet, options);
    }

    /**
     * {@code --subnet}: an IPv4 subnet.
     *
     * @param cidr e.g. "10.42.0.0/24"
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is not a CIDR
     */
    public NetworkSpec subnet(String cidr) {
        return new NetworkSpec(name, driver, internalOnly, labels, cidr, gateway, ipv6, ipv6Subnet, options);
    }

    /**
     * {@code --gateway}: the IPv4 gateway inside the subnet.
     *
     * @param ip the address
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is not an address
     */
    public NetworkSpec gateway(String ip) {
        return new NetworkSpec(name, driver, internalOnly, labels, subnet, ip, ipv6, ipv6Subnet, options);
    }

    /**
     * Enables IPv6 with the given subnet (the engine needs one unless it has a default IPv6 pool).
     *
     * {@code --ipv6 --subnet CIDR}.
     *
     * @param cidr e.g. "fd00:42::/64"
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is not an IPv6 CIDR
     */
    public NetworkSpec ipv6(String cidr) {
        return new NetworkSpec(name, driver, internalOnly, labels, subnet, gateway, true, cidr, options);
    }

    /**
     * {@code --opt KEY=VALUE}: an option for the driver, e.g. {@code com.docker.network.bridge.name} or
     * {@code com.docker.network.driver.mtu} for the bridge driver. The engine checks keys and values.
     *
     * @param key the option's key
     * @param value its value
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when the key is blank or the value null
     */
    public NetworkSpec option(String key, String value) {
        Validation.notBlank("network driver option key", key, "e.g. \"com.docker.network.driver.mtu\"");
        var copy = new LinkedHashMap<>(options);
        copy.put(key, Validation.required("value of driver option " + key, value, "pass \"\" for an empty value"));
        return new NetworkSpec(name, driver, internalOnly, labels, subnet, gateway, ipv6, ipv6Subnet, copy);
    }
}
