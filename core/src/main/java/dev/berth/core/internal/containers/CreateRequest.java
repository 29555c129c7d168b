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
            CreateContainerCmd cmd, CreateExtras extras) {
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
            tree.remove("platform"); // a query parameter of the create, not a body field
            extras.applyTo(tree, network);
            byte[] body = json.writeValueAsBytes(tree);
            List<String> params = new ArrayList<>();
            if (cmd.getName() != null) {
                params.add("name=" + dev.berth.core.internal.transport.RawEngine.encode(cmd.getName()));
            }
            if (cmd.getPlatform() != null) {
                params.add("platform=" + dev.berth.core.internal.transport.RawEngine.encode(cmd.getPlatform()));
            }
            String query = params.isEmpty() ? "" : "?" + String.join("&", params);
            var answer = engine.raw().postJson("/containers/create" + query, body);
            return json.treeToValue(answer, com.github.dockerjava.api.command.CreateContainerResponse.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode the create request: " + e.getOriginalMessage(), e);
        }
    }

    static CreateContainerCmd build(DockerClient client, ContainerSpec spec, Map<String, String> berthLabels) {
        ContainerSpec.Execution run = spec.execution();
        ContainerSpec.Networking net = spec.networking();
        ContainerSpec.Lifecycle life = spec.lifecycle();
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        labels.putAll(berthLabels);
        CreateContainerCmd cmd = client.createContainerCmd(spec.imageName()).withLabels(labels);
        if (spec.name() != null) {
            cmd.withName(spec.name());
        }
        if (!run.command().isEmpty()) {
            cmd.withCmd(run.command());
        }
        if (!run.entrypoint().isEmpty()) {
            cmd.withEntrypoint(run.entrypoint());
        }
        if (!run.environment().isEmpty()) {
            List<String> env = new ArrayList<>();
            run.environment().revealed().forEach((k, v) -> env.add(k + "=" + v)); // to the engine: the one reveal
            cmd.withEnv(env);
        }
        if (run.workdir() != null) {
            cmd.withWorkingDir(run.workdir());
        }
        if (run.user() != null) {
            cmd.withUser(run.user());
        }
        if (net.hostname() != null) {
            cmd.withHostName(net.hostname());
        }
        if (run.platform() != null) {
            cmd.withPlatform(run.platform());
        }
        if (run.tty()) {
            cmd.withTty(true);
        }
        if (run.stdinOpen()) {
            // as `docker run -i`: stdin stays open for one attach and closes when that client's input ends
            cmd.withStdinOpen(true).withStdInOnce(true).withAttachStdin(true).withAttachStdout(true)
                    .withAttachStderr(true);
        }
        if (life.healthCheck() != null) {
            cmd.withHealthcheck(healthCheck(life.healthCheck()));
        }
        if (life.stopSignal() != null) {
            cmd.withStopSignal(life.stopSignal());
        }
        if (life.stopTimeout() != null) {
            cmd.withStopTimeout((int) life.stopTimeout().toSeconds());
        }
        if (net.network() != null && !net.aliases().isEmpty()) {
            cmd.withAliases(net.aliases());
        }
        if (!spec.ports().isEmpty()) {
            cmd.withExposedPorts(spec.ports().stream().map(CreateRequest::exposed).distinct().toList());
        }
        cmd.withHostConfig(hostConfig(spec));
        return cmd;
    }

    private static HostConfig hostConfig(ContainerSpec spec) {
        ContainerSpec.Resources res = spec.resources();
        ContainerSpec.Networking net = spec.networking();
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
        if (spec.lifecycle().restart() != null) {
            host.withRestartPolicy(com.github.dockerjava.api.model.RestartPolicy.parse(spec.lifecycle().restart().toString()));
        }
        host.withMemory(res.memoryBytes());
        host.withNanoCPUs(res.nanoCpus());
        host.withPidsLimit(res.pidsLimit());
        if (res.readOnlyRootfs()) {
            host.withReadonlyRootfs(true);
        }
        if (!res.capAdd().isEmpty()) {
            host.withCapAdd(capabilities(res.capAdd()));
        }
        if (!res.capDrop().isEmpty()) {
            host.withCapDrop(capabilities(res.capDrop()));
        }
        if (spec.execution().init()) {
            host.withInit(true);
        }
        host.withShmSize(res.shmSizeBytes());
        if (!res.ulimits().isEmpty()) {
            host.withUlimits(res.ulimits().values().stream()
                    .map(u -> new com.github.dockerjava.api.model.Ulimit(u.name(), u.soft(), u.hard())).toList());
        }
        if (!res.sysctls().isEmpty()) {
            host.withSysctls(res.sysctls());
        }
        if (res.privileged()) {
            host.withPrivileged(true);
        }
        if (!net.dns().isEmpty()) {
            host.withDns(net.dns().toArray(String[]::new));
        }
        if (!net.dnsSearch().isEmpty()) {
            host.withDnsSearch(net.dnsSearch().toArray(String[]::new));
        }
        if (net.network() != null) {
            host.withNetworkMode(net.network());
        }
        if (!net.extraHosts().isEmpty()) {
            host.withExtraHosts(net.extraHosts().entrySet().stream()
                    .map(e -> e.getKey() + ":" + e.getValue()).toArray(String[]::new));
        }
        if (spec.lifecycle().autoRemove()) {
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
