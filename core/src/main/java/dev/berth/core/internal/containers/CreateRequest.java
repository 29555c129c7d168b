package dev.berth.core.internal.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.TmpfsOptions;
import dev.berth.ContainerSpec;
import dev.berth.HealthCheck;
import dev.berth.InvalidSpecException;
import dev.berth.Mount;
import dev.berth.PortBinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Maps a {@link ContainerSpec} onto docker-java's create command: the one place spec fields meet engine fields. */
final class CreateRequest {
    private CreateRequest() {
    }

    /**
     * Sends a built create command as JSON on Berth's transport instead of running it through docker-java: docker-java
     * logs every command it runs with all its fields ("Cmd: …" at DEBUG), which printed env values, secrets
     * included. The body is docker-java's own serialization of the command, so the engine sees the same request.
     */
    static com.github.dockerjava.api.command.CreateContainerResponse send(dev.berth.core.internal.engine.Engine engine,
            CreateContainerCmd cmd) {
        var json = engine.dockerJavaJson();
        try {
            com.fasterxml.jackson.databind.node.ObjectNode tree = json.valueToTree(cmd);
            // docker-java fills NetworkingConfig from the aliases only inside exec(): do the same here
            String network = cmd.getHostConfig() == null ? null : cmd.getHostConfig().getNetworkMode();
            if (cmd.getAliases() != null && !cmd.getAliases().isEmpty() && network != null) {
                var endpoint = tree.putObject("NetworkingConfig").putObject("EndpointsConfig").putObject(network);
                var aliases = endpoint.putArray("Aliases");
                cmd.getAliases().forEach(aliases::add);
            }
            byte[] body = json.writeValueAsBytes(tree);
            String query = cmd.getName() == null ? "" : "?name="
                    + dev.berth.core.internal.transport.RawEngine.encode(cmd.getName());
            var answer = engine.raw().postJson("/containers/create" + query, body);
            return json.treeToValue(answer, com.github.dockerjava.api.command.CreateContainerResponse.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode the create request: " + e.getOriginalMessage(), e);
        }
    }

    static CreateContainerCmd build(DockerClient client, ContainerSpec spec, Map<String, String> berthLabels) {
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        labels.putAll(berthLabels);
        CreateContainerCmd cmd = client.createContainerCmd(spec.imageName()).withLabels(labels);
        if (spec.name() != null) {
            cmd.withName(spec.name());
        }
        if (!spec.command().isEmpty()) {
            cmd.withCmd(spec.command());
        }
        if (!spec.entrypoint().isEmpty()) {
            cmd.withEntrypoint(spec.entrypoint());
        }
        if (!spec.env().isEmpty()) {
            List<String> env = new ArrayList<>();
            spec.env().forEach((k, v) -> env.add(v == null ? k : k + "=" + v));
            cmd.withEnv(env);
        }
        if (spec.workdir() != null) {
            cmd.withWorkingDir(spec.workdir());
        }
        if (spec.user() != null) {
            cmd.withUser(spec.user());
        }
        if (spec.hostname() != null) {
            cmd.withHostName(spec.hostname());
        }
        if (spec.tty()) {
            cmd.withTty(true);
        }
        if (spec.isStdinOpen()) {
            // as `docker run -i`: stdin stays open for one attach and closes when that client's input ends
            cmd.withStdinOpen(true).withStdInOnce(true).withAttachStdin(true).withAttachStdout(true)
                    .withAttachStderr(true);
        }
        if (spec.healthCheck() != null) {
            cmd.withHealthcheck(healthCheck(spec.healthCheck()));
        }
        if (spec.stopSignal() != null) {
            cmd.withStopSignal(spec.stopSignal());
        }
        if (spec.stopTimeout() != null) {
            cmd.withStopTimeout((int) spec.stopTimeout().toSeconds());
        }
        if (spec.network() != null && !spec.networkAliases().isEmpty()) {
            cmd.withAliases(spec.networkAliases());
        }
        if (!spec.ports().isEmpty()) {
            cmd.withExposedPorts(spec.ports().stream().map(CreateRequest::exposed).distinct().toList());
        }
        cmd.withHostConfig(hostConfig(spec));
        return cmd;
    }

    private static HostConfig hostConfig(ContainerSpec spec) {
        HostConfig host = HostConfig.newHostConfig();
        if (!spec.ports().isEmpty()) {
            Ports ports = new Ports();
            for (PortBinding p : spec.ports()) {
                ports.bind(exposed(p), p.randomHostPort() ? Ports.Binding.bindIp(p.hostIp())
                        : Ports.Binding.bindIpAndPort(p.hostIp(), p.hostPort()));
            }
            host.withPortBindings(ports);
        }
        if (!spec.mounts().isEmpty()) {
            host.withMounts(spec.mounts().stream().map(CreateRequest::mount).toList());
        }
        if (spec.restart() != null) {
            host.withRestartPolicy(com.github.dockerjava.api.model.RestartPolicy.parse(spec.restart().toString()));
        }
        host.withMemory(spec.memoryBytes());
        host.withNanoCPUs(spec.nanoCpus());
        host.withPidsLimit(spec.pidsLimit());
        if (spec.isReadOnlyRootfs()) {
            host.withReadonlyRootfs(true);
        }
        if (!spec.capAdd().isEmpty()) {
            host.withCapAdd(capabilities(spec.capAdd()));
        }
        if (!spec.capDrop().isEmpty()) {
            host.withCapDrop(capabilities(spec.capDrop()));
        }
        if (spec.network() != null) {
            host.withNetworkMode(spec.network());
        }
        if (!spec.extraHosts().isEmpty()) {
            host.withExtraHosts(spec.extraHosts().entrySet().stream()
                    .map(e -> e.getKey() + ":" + e.getValue()).toArray(String[]::new));
        }
        if (spec.isAutoRemove()) {
            host.withAutoRemove(true);
        }
        return host;
    }

    private static ExposedPort exposed(PortBinding p) {
        return new ExposedPort(p.containerPort(), InternetProtocol.parse(p.protocol().wireName()));
    }

    private static com.github.dockerjava.api.model.Mount mount(Mount mount) {
        var m = new com.github.dockerjava.api.model.Mount().withTarget(mount.target());
        if (mount instanceof Mount.Volume v) {
            m.withType(MountType.VOLUME).withSource(v.name()).withReadOnly(v.readOnly());
        } else if (mount instanceof Mount.Bind b) {
            m.withType(MountType.BIND).withSource(b.source().toString()).withReadOnly(b.readOnly());
        } else if (mount instanceof Mount.Tmpfs t) {
            TmpfsOptions options = new TmpfsOptions();
            if (t.sizeBytes() > 0) {
                options.withSizeBytes(t.sizeBytes());
            }
            if (t.mode() > 0) {
                options.withMode(t.mode());
            }
            m.withType(MountType.TMPFS).withTmpfsOptions(options);
        }
        return m;
    }

    private static com.github.dockerjava.api.model.HealthCheck healthCheck(HealthCheck check) {
        return new com.github.dockerjava.api.model.HealthCheck()
                .withTest(check.test())
                .withInterval(check.interval().toNanos())
                .withTimeout(check.timeout().toNanos())
                .withRetries(check.retries())
                .withStartPeriod(check.startPeriod().toNanos());
    }

    private static Capability[] capabilities(Set<String> names) {
        Set<Capability> caps = new LinkedHashSet<>();
        for (String name : names) {
            String key = name.toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "");
            try {
                caps.add(Capability.valueOf(key));
            } catch (IllegalArgumentException e) {
                throw new InvalidSpecException("capability", name, "not a Linux capability Docker knows",
                        "use a name from `man 7 capabilities` such as NET_ADMIN or SYS_PTRACE, or ALL");
            }
        }
        return caps.toArray(Capability[]::new);
    }
}
