package dev.berth.core.internal.compose;

import dev.berth.ContainerSpec;
import dev.berth.core.internal.containers.EngineContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One container of a service, created as Compose creates it: on the service's first network (with its aliases,
 * links and fixed addresses), then connected to the others the same way. Nothing half-made is left: a failed
 * connect removes the container.
 */
final class ServiceContainers {
    private ServiceContainers() {
    }

    /** {@code networks} maps the file's network names to engine names. */
    static EngineContainer create(StackEngine engine, ServiceSpecs specs, ComposeModel.Service service, int number,
            ContainerSpec spec, Map<String, String> networks) {
        EngineContainer container = engine.containers().create(spec, specs.extras(service, number));
        try {
            List<String> attached = new ArrayList<>(service.networks().keySet());
            for (String network : attached.subList(Math.min(1, attached.size()), attached.size())) {
                engine.networks().connect(networks.get(network), container, ServiceSpecs.aliases(service, network),
                        specs.endpoint(service, network, number));
            }
        } catch (RuntimeException e) {
            container.removeQuietly();
            throw e;
        }
        return container;
    }
}
