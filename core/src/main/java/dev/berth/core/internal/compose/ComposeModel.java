package dev.berth.core.internal.compose;

import dev.berth.HealthCheck;
import dev.berth.PortBinding;
import dev.berth.RestartPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A checked compose file: what {@code up} needs, with names still as the file writes them. */
public record ComposeModel(String project, Path file, Map<String, Service> services, Set<String> volumes,
        Set<String> networks) {

    /** One service. {@code image} may be null when {@code build} is set. */
    public record Service(String name, String image, Build build, List<String> command, List<String> entrypoint,
            Map<String, String> environment, List<PortBinding> ports, List<VolumeMount> volumes,
            Map<String, List<String>> networks, Map<String, String> dependsOn, HealthCheck healthCheck,
            RestartPolicy restart, Map<String, String> labels, String workdir, String user, String hostname,
            List<java.util.function.UnaryOperator<dev.berth.ContainerSpec>> options) {
        /** Applies the plain container options (extra_hosts, cap_add, mem_limit …) to a spec. */
        public dev.berth.ContainerSpec applyOptions(dev.berth.ContainerSpec spec) {
            for (var option : options) {
                spec = option.apply(spec);
            }
            return spec;
        }
    }

    public record Build(Path context, String dockerfile) {
    }

    /** {@code named:/target}, {@code ./host:/target} or {@code /host:/target}, optionally {@code :ro}. */
    public record VolumeMount(String source, boolean named, String target, boolean readOnly) {
    }

    /** The depends_on conditions Compose defines. */
    public static final String STARTED = "service_started";
    public static final String HEALTHY = "service_healthy";
    public static final String COMPLETED = "service_completed_successfully";
}
