package dev.berth.core.internal.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code docker compose up} resolves in a service just before it creates the service's containers, and then
 * hashes resolved (compose's {@code resolveServiceReferences}): {@code volumes_from: SERVICE[:MODE]} becomes the ID of
 * that service's first container, {@code container:NAME[:MODE]} becomes {@code NAME}, and
 * {@code network_mode: service:S} becomes {@code container:ID}. The mode is dropped (Compose 2.40 does; the volumes
 * keep the source container's mode). Because the IDs enter the config hash, a service sharing another's volumes or
 * network is recreated when that one is, under Compose and Berth alike; and the CLI keeps Berth's containers.
 */
final class ServiceReferences {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceReferences.class);

    private ServiceReferences() {
    }

    /** {@code containerId}: the ID of a container by name (it exists: the service depends on its service). */
    static ComposeModel.Service resolve(LoadedProject project, ServiceSpecs specs, ComposeModel.Service service,
            Function<String, String> containerId) {
        List<String> written = service.extras().volumesFrom();
        String mode = service.networkMode();
        boolean sharesNetwork = mode != null && mode.startsWith("service:");
        if (written.isEmpty() && !sharesNetwork) {
            return service;
        }
        List<String> from = new ArrayList<>();
        for (String ref : written) {
            String[] parts = ref.split(":");
            boolean container = parts[0].equals("container");
            if (parts.length > (container ? 2 : 1)) {
                LOG.warn("volumes_from '{}' of service {}: docker compose 2.40 ignores the mode '{}', and so does"
                        + " Berth (the volumes keep the source container's mode)", ref, service.name(),
                        parts[parts.length - 1]);
            }
            from.add(container ? parts[1] : firstContainer(specs, parts[0], containerId));
        }
        String networkMode = sharesNetwork ? "container:" + firstContainer(specs, mode.substring(8), containerId)
                : mode;
        YNode.Map node = project.service(service.name()).copy();
        if (!from.isEmpty()) {
            YNode.Seq seq = YNode.seq(node.mark());
            from.forEach(f -> seq.add(YNode.scalar(f, node.mark())));
            node.put("volumes_from", seq);
        }
        if (sharesNetwork) {
            node.putScalar("network_mode", networkMode);
        }
        return service.resolved(from, networkMode, ConfigHash.of(node));
    }

    private static String firstContainer(ServiceSpecs specs, String service, Function<String, String> containerId) {
        return containerId.apply(specs.containerName(specs.service(service), 1));
    }
}
