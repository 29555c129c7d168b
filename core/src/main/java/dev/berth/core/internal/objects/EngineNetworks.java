package dev.berth.core.internal.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.Network.Ipam;
import dev.berth.Filter;
import dev.berth.NameConflictException;
import dev.berth.Network;
import dev.berth.NetworkInfo;
import dev.berth.NetworkNotFoundException;
import dev.berth.NetworkSpec;
import dev.berth.Networks;
import dev.berth.PruneReport;
import dev.berth.core.internal.engine.Engine;
import dev.berth.core.internal.engine.Failures;
import dev.berth.core.internal.engine.Prunes;
import dev.berth.core.internal.transport.RawEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code docker network …}. */
public final class EngineNetworks implements Networks {
    private final Engine engine;

    public EngineNetworks(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Network create(String name) {
        return create(NetworkSpec.named(name));
    }

    @Override
    public Network getOrCreate(String name) {
        return getOrCreate(NetworkSpec.named(name));
    }

    /** Create, and on a name conflict adopt the existing one (a second try covers one removed in between). */
    @Override
    public Network getOrCreate(NetworkSpec spec) {
        checkSpec(spec);
        for (int attempt = 0; ; attempt++) {
            try {
                return create(spec);
            } catch (NameConflictException exists) {
                var found = findNetwork(spec.name());
                if (found.isPresent()) {
                    return new EngineNetwork(engine, found.get().id(), found.get().name(), true);
                }
                if (attempt > 0) {
                    throw exists;
                }
            }
        }
    }

    private static void checkSpec(NetworkSpec spec) {
        if (spec == null) {
            throw new dev.berth.InvalidSpecException("network spec", null, "it is required (null given)",
                    "pass e.g. NetworkSpec.named(\"mynet\")");
        }
    }

    @Override
    public Network create(NetworkSpec spec) {
        checkSpec(spec);
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        labels.putAll(engine.berthLabels());
        var cmd = engine.client().createNetworkCmd().withName(spec.name()).withDriver(spec.driver())
                .withLabels(labels).withInternal(spec.internalOnly()).withCheckDuplicate(true);
        if (!spec.options().isEmpty()) {
            cmd.withOptions(spec.options());
        }
        List<Ipam.Config> pools = new ArrayList<>();
        if (spec.subnet() != null) {
            pools.add(new Ipam.Config().withSubnet(spec.subnet()).withGateway(spec.gateway()));
        }
        if (spec.ipv6()) {
            cmd.withEnableIpv6(true);
            if (spec.ipv6Subnet() != null) {
                pools.add(new Ipam.Config().withSubnet(spec.ipv6Subnet()));
            }
        }
        if (!pools.isEmpty()) {
            cmd.withIpam(new Ipam().withConfig(pools));
        }
        String operation = "create network " + spec.name();
        String id = engine.call(operation, () -> cmd.exec().getId(), Failures.on(409, f -> new NameConflictException(
                        "network", spec.name(), null, "Use it and keep it (docker.networks().getOrCreate(\""
                        + spec.name() + "\")), remove it, or pick another name.", f.cause()))
                .and(400, f -> new dev.berth.InvalidSpecException("network spec", spec, f.message(),
                        "change the value the engine names", f.cause()))
                .andAnyOtherAnswer(f -> refused(operation, spec, f)));
        return new EngineNetwork(engine, id, spec.name(), false);
    }

    /** Overlapping subnets come back as 403/500 depending on the engine version. */
    private static RuntimeException refused(String operation, NetworkSpec spec, Failures.Failure f) {
        String message = f.message();
        if (message.contains("overlap") || message.contains("invalid") || message.contains("Invalid")) {
            return new dev.berth.InvalidSpecException("network spec", spec, message,
                    "pick a subnet no other network uses (docker network inspect …)", f.cause());
        }
        return f.unexplained();
    }

    @Override
    public Network get(String idOrName) {
        return find(idOrName).orElseThrow(() -> new NetworkNotFoundException(idOrName, null));
    }

    /**
     * Connects a container with aliases, legacy links and fixed addresses ({@code endpoint} null: aliases only), as
     * {@code docker compose up} attaches a service to its second and later networks.
     */
    public void connect(String network, dev.berth.Container container, String[] aliases,
            dev.berth.core.internal.containers.CreateExtras.Endpoint endpoint) {
        findNetwork(network).orElseThrow(() -> new NetworkNotFoundException(network, null))
                .connect(container, aliases, endpoint);
    }

    @Override
    public Optional<Network> find(String idOrName) {
        return findNetwork(idOrName).map(Network.class::cast);
    }

    private Optional<EngineNetwork> findNetwork(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            throw new dev.berth.InvalidSpecException("network", idOrName, "an id or name is required",
                    "pass the network's name or id");
        }
        return engine.find("inspect network " + idOrName,
                () -> engine.client().inspectNetworkCmd().withNetworkId(idOrName).exec())
                .map(n -> new EngineNetwork(engine, n.getId(), n.getName(), false));
    }

    @Override
    public List<NetworkInfo> list() {
        return list(Filter.none());
    }

    @Override
    public List<NetworkInfo> list(Filter filter) {
        var cmd = engine.client().listNetworksCmd();
        filter.asMap().forEach((k, v) -> cmd.withFilter(k, v));
        return engine.call("list networks", cmd::exec).stream().map(EngineNetworks::info).toList();
    }

    @Override
    public PruneReport prune(Filter filter) {
        String query = RawEngine.filters(filter.asMap());
        JsonNode reply = engine.call("prune networks",
                () -> engine.raw().post("/networks/prune?" + query));
        return PruneReport.ofNetworks(Prunes.names(reply.path("NetworksDeleted")));
    }

    static NetworkInfo info(com.github.dockerjava.api.model.Network n) {
        List<String> subnets = new ArrayList<>();
        List<String> gateways = new ArrayList<>();
        if (n.getIpam() != null && n.getIpam().getConfig() != null) {
            for (Ipam.Config c : n.getIpam().getConfig()) {
                if (c.getSubnet() != null) {
                    subnets.add(c.getSubnet());
                }
                if (c.getGateway() != null) {
                    gateways.add(c.getGateway());
                }
            }
        }
        List<NetworkInfo.Member> members = new ArrayList<>();
        if (n.getContainers() != null) {
            n.getContainers().forEach((id, c) -> members.add(new NetworkInfo.Member(id, c.getName(),
                    stripMask(c.getIpv4Address()), stripMask(c.getIpv6Address()))));
        }
        return new NetworkInfo(n.getId(), n.getName(), n.getDriver(), Boolean.TRUE.equals(n.getInternal()),
                Boolean.TRUE.equals(n.getEnableIPv6()), subnets, gateways,
                n.getLabels() == null ? Map.of() : n.getLabels(), members);
    }

    private static String stripMask(String address) {
        return address == null || address.isEmpty() ? null : address.replaceFirst("/\\d+$", "");
    }
}
