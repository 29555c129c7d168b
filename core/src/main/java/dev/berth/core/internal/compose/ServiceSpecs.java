package dev.berth.core.internal.compose;

import dev.berth.BuildSpec;
import dev.berth.ContainerSpec;
import dev.berth.Mount;
import dev.berth.PortBinding;
import dev.berth.Protocol;
import dev.berth.PullPolicy;
import dev.berth.core.internal.containers.CreateExtras;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place a compose service becomes engine specs: {@link ContainerSpec} for each replica and {@link BuildSpec}
 * for its image, with Compose's names and labels. Engine names of networks and volumes are passed in.
 */
public final class ServiceSpecs {
    public static final String PROJECT = "com.docker.compose.project";
    public static final String SERVICE = "com.docker.compose.service";
    public static final String NUMBER = "com.docker.compose.container-number";
    public static final String ONEOFF = "com.docker.compose.oneoff";
    /**
     * The Compose version whose behaviour Berth follows (the oracle of its tests). Written as Compose writes its own
     * version, so {@code docker compose} treats Berth's containers, networks and volumes as its own.
     */
    public static final String COMPOSE_VERSION = "2.40.3";
    public static final String VERSION = "com.docker.compose.version";

    private final ComposeModel model;

    public ServiceSpecs(ComposeModel model) {
        this.model = model;
    }

    public String project() {
        return model.project();
    }

    /** {@code PROJECT-SERVICE-N}, or the service's container_name. */
    public String containerName(ComposeModel.Service service, int number) {
        return service.containerName() != null ? service.containerName()
                : model.project() + "-" + service.name() + "-" + number;
    }

    /** Compose tags a built image {@code PROJECT-SERVICE} unless the service names its image. */
    public String imageName(ComposeModel.Service service) {
        return service.image() != null ? service.image()
                : (model.project() + "-" + service.name()).toLowerCase(Locale.ROOT);
    }

    /** The name Berth gives an anonymous volume (deterministic, so a recreated replica finds its data again). */
    public String anonymousVolume(ComposeModel.Service service, int number, String target) {
        String hash = Integer.toHexString(target.hashCode() & 0x7fffffff);
        return model.project() + "_" + service.name() + "-" + number + "_anon_" + hash;
    }

    /**
     * The service as {@code compose run --rm} runs it: no published ports, no restart policy (a one-off that
     * restarts would never end), the given command (null keeps the file's).
     */
    static ComposeModel.Service oneOff(ComposeModel.Service s, List<String> command) {
        return new ComposeModel.Service(s.name(), s.image(), s.build(), command != null ? command : s.command(),
                s.entrypoint(), s.environment(), List.of(), s.mounts(), s.networks(), s.dependsOn(),
                s.healthCheck(), null, s.labels(), s.process(), s.limits(), s.files(), 1, null,
                s.networkMode(), s.configJson(), s.configHash(), s.extras());
    }

    /**
     * The container of one replica. {@code networks} and {@code volumes} map the file's names to engine names;
     * the first network is attached at create, the others after (the caller does that).
     */
    public ContainerSpec container(ComposeModel.Service service, int number, Map<String, String> networks,
            Map<String, String> volumes, String imageId) {
        ComposeModel.Process p = service.process();
        String firstNetwork = service.networks().isEmpty() ? null : service.networks().keySet().iterator().next();
        ContainerSpec spec = ContainerSpec.of(imageName(service))
                .name(containerName(service, number))
                .labels(service.labels())
                .label(PROJECT, model.project())
                .label(SERVICE, service.name())
                .label(NUMBER, String.valueOf(number))
                .label("com.docker.compose.oneoff", "False")
                .label("com.docker.compose.project.config_files", String.join(",", model.files().stream()
                        .map(Path::toString).toList()))
                .label("com.docker.compose.project.working_dir", model.workingDir().toString())
                .label(VERSION, COMPOSE_VERSION)
                .label("com.docker.compose.config-hash", service.configHash())
                .label("com.docker.compose.depends_on", dependsOnLabel(service))
                .env(service.environment())
                .pull(PullPolicy.IF_MISSING);
        spec = firstNetwork != null ? spec.network(networks.get(firstNetwork), aliases(service, firstNetwork))
                : spec.network(networkMode(service.networkMode()));
        if (imageId != null) {
            spec = spec.label("com.docker.compose.image", imageId);
        }
        if (service.command() != null) {
            spec = spec.command(service.command().toArray(String[]::new));
        }
        if (service.entrypoint() != null) {
            spec = spec.entrypoint(service.entrypoint().toArray(String[]::new));
        }
        for (ComposeModel.Port port : service.ports()) {
            PortBinding binding = new PortBinding(port.containerPort(), Protocol.valueOf(port.protocol()
                    .toUpperCase(Locale.ROOT)), port.hostIp() == null ? PortBinding.LOOPBACK : port.hostIp(), 0);
            spec = spec.publish(port.hostPort() == 0 ? binding : binding.toHostPort(port.hostPort()));
        }
        for (ComposeModel.Mount mount : service.mounts()) {
            spec = spec.mount(switch (mount.type()) {
                case "bind" -> new Mount.Bind(Path.of(mount.source()), mount.target(), mount.readOnly());
                case "tmpfs" -> new Mount.Tmpfs(mount.target(), mount.tmpfsSize(), 0);
                default -> new Mount.Volume(mount.source() == null ? anonymousVolume(service, number, mount.target())
                        : volumes.get(mount.source()), mount.target(), mount.readOnly());
            });
        }
        for (ComposeModel.FileMount file : service.files()) {
            ComposeModel.FileSource source = source(file);
            if (source.file() != null) {
                spec = spec.mount(new Mount.Bind(source.file(), file.target(), true));
            }
        }
        spec = process(spec, p);
        ComposeModel.Limits limits = service.limits();
        if (limits.memoryBytes() != null) {
            spec = spec.memoryBytes(limits.memoryBytes());
        }
        if (limits.cpus() != null) {
            spec = spec.cpus(limits.cpus());
        }
        if (limits.pids() != null) {
            spec = spec.pidsLimit(limits.pids());
        }
        if (service.healthCheck() != null) {
            spec = spec.healthCheck(service.healthCheck());
        }
        if (service.restart() != null) {
            spec = spec.restart(service.restart());
        }
        return spec;
    }

    private static ContainerSpec process(ContainerSpec spec, ComposeModel.Process p) {
        if (p.workdir() != null) {
            spec = spec.workdir(p.workdir());
        }
        if (p.user() != null) {
            spec = spec.user(p.user());
        }
        if (p.hostname() != null) {
            spec = spec.hostname(p.hostname());
        }
        if (p.tty()) {
            spec = spec.interactive();
        } else if (p.stdinOpen()) {
            spec = spec.stdinOpen();
        }
        if (p.stopSignal() != null) {
            spec = spec.stopSignal(p.stopSignal());
        }
        if (p.stopGracePeriod() != null) {
            spec = spec.stopTimeout(p.stopGracePeriod());
        }
        if (p.readOnly()) {
            spec = spec.readOnlyRootfs();
        }
        if (!p.capAdd().isEmpty()) {
            spec = spec.capAdd(p.capAdd().toArray(String[]::new));
        }
        if (!p.capDrop().isEmpty()) {
            spec = spec.capDrop(p.capDrop().toArray(String[]::new));
        }
        for (String target : p.tmpfs()) {
            spec = spec.tmpfs(target);
        }
        for (var host : p.extraHosts().entrySet()) {
            spec = spec.extraHost(host.getKey(), host.getValue());
        }
        return runtime(spec, p);
    }

    /** init, platform, shm_size, ulimits, sysctls, privileged, dns, dns_search: the engine-side settings {@code docker compose up} sends too. */
    private static ContainerSpec runtime(ContainerSpec spec, ComposeModel.Process p) {
        if (p.init()) {
            spec = spec.init();
        }
        if (p.platform() != null) {
            spec = spec.platform(p.platform());
        }
        if (p.shmSizeBytes() != null) {
            spec = spec.shmSizeBytes(p.shmSizeBytes());
        }
        for (var limit : p.ulimits()) {
            spec = spec.ulimit(limit.name(), limit.soft(), limit.hard());
        }
        for (var sysctl : p.sysctls().entrySet()) {
            spec = spec.sysctl(sysctl.getKey(), sysctl.getValue());
        }
        if (p.privileged()) {
            spec = spec.privileged();
        }
        if (!p.dns().isEmpty()) {
            spec = spec.dns(p.dns().toArray(String[]::new));
        }
        if (!p.dnsSearch().isEmpty()) {
            spec = spec.dnsSearch(p.dnsSearch().toArray(String[]::new));
        }
        return spec;
    }

    /** Secrets and configs given as an environment variable or inline content: copied in before start. */
    public List<InlineFile> inlineFiles(ComposeModel.Service service, Map<String, String> env) {
        List<InlineFile> files = new ArrayList<>();
        for (ComposeModel.FileMount file : service.files()) {
            ComposeModel.FileSource source = source(file);
            String content = source.content() != null ? source.content()
                    : source.environment() != null ? env.getOrDefault(source.environment(), "") : null;
            if (content != null) {
                files.add(new InlineFile(file.target(), content.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        file.mode()));
            }
        }
        return files;
    }

    /** A file to copy into a container before it starts. */
    public record InlineFile(String path, byte[] content, int mode) {
    }

    private ComposeModel.FileSource source(ComposeModel.FileMount file) {
        String[] kindAndName = file.source().split(":", 2);
        return (kindAndName[0].equals("secrets") ? model.secrets() : model.configs()).get(kindAndName[1]);
    }

    /** The build of a service's image; an inline Dockerfile is written to {@code inlineDockerfile} first. */
    public BuildSpec build(ComposeModel.Service service, Path inlineDockerfile) {
        ComposeModel.Build b = service.build();
        BuildSpec build = BuildSpec.context(b.context()).tag(imageName(service))
                .label(PROJECT, model.project()).label(SERVICE, service.name());
        if (b.dockerfileInline() != null) {
            build = build.dockerfile(inlineDockerfile);
        } else if (b.dockerfile() != null) {
            build = build.dockerfile(b.dockerfile());
        }
        for (var arg : b.args().entrySet()) {
            build = build.buildArg(arg.getKey(), arg.getValue());
        }
        for (var label : b.labels().entrySet()) {
            build = build.label(label.getKey(), label.getValue());
        }
        if (b.target() != null) {
            build = build.target(b.target());
        }
        if (b.noCache()) {
            build = build.noCache();
        }
        if (b.pull()) {
            build = build.pull();
        }
        if (b.network() != null) {
            build = build.network(b.network());
        }
        for (var host : b.extraHosts().entrySet()) {
            build = build.extraHost(host.getKey(), host.getValue());
        }
        if (b.shmSizeBytes() != null) {
            build = build.shmSize(b.shmSizeBytes());
        }
        if (!b.cacheFrom().isEmpty()) {
            build = build.cacheFrom(b.cacheFrom().toArray(String[]::new));
        }
        return build;
    }

    /**
     * The create fields beyond the spec, as Compose sends them, with the endpoint of the service's first network.
     * {@code volumes_from} is sent as {@link ServiceReferences} resolved it.
     */
    public CreateExtras extras(ComposeModel.Service service, int number) {
        ComposeModel.Extras x = service.extras();
        String first = service.networks().isEmpty() ? null : service.networks().keySet().iterator().next();
        return new CreateExtras(x.expose(), x.volumesFrom(), x.logDriver(), x.logOptions(), x.devices(),
                x.dnsOptions(), x.memoryReservation(), x.healthStartInterval(),
                first == null ? null : endpoint(service, first, number));
    }

    /** A service of the project by name. */
    ComposeModel.Service service(String name) {
        return model.services().get(name);
    }

    /** Links and fixed addresses of one of the service's networks. */
    public CreateExtras.Endpoint endpoint(ComposeModel.Service service, String network, int number) {
        ComposeModel.Attachment a = service.networks().get(network);
        return new CreateExtras.Endpoint(links(service, number), a == null ? null : a.ipv4Address(),
                a == null ? null : a.ipv6Address());
    }

    /**
     * Compose's links on every network of the service: for each link {@code SERVICE[:ALIAS]} and each container C of
     * that service, {@code C:ALIAS}, {@code C:SERVICE-N} and {@code C:PROJECT-SERVICE-N}, where N is the number of
     * the container being created (as Compose 2.40 writes them). On a user-defined network a link is a name for C
     * that only this container resolves.
     */
    List<String> links(ComposeModel.Service service, int number) {
        List<String> out = new ArrayList<>();
        for (String link : service.extras().links()) {
            String[] parts = link.split(":", 2);
            ComposeModel.Service other = model.services().get(parts[0]);
            if (other == null) {
                continue; // not in the project (profiles): Compose finds no container for it either
            }
            String alias = parts.length == 2 ? parts[1] : parts[0];
            for (int n = 1; n <= other.replicas(); n++) {
                String c = containerName(other, n);
                out.add(c + ":" + alias);
                out.add(c + ":" + parts[0] + "-" + number);
                out.add(c + ":" + model.project() + "-" + parts[0] + "-" + number);
            }
        }
        return out;
    }

    /** {@code host}, {@code none}, {@code container:NAME} as written; {@code service:S} is S's first container. */
    String networkMode(String mode) {
        if (mode.startsWith("service:")) {
            ComposeModel.Service other = model.services().get(mode.substring(8));
            return "container:" + containerName(other, 1);
        }
        return mode;
    }

    /** {@code db:service_healthy:false,cache:service_started:true}, as Compose writes it (name:condition:restart). */
    static String dependsOnLabel(ComposeModel.Service service) {
        return String.join(",", service.dependsOn().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(d -> d.getKey() + ":" + d.getValue().condition() + ":" + d.getValue().restart()).toList());
    }

    /** Other services reach this one by its service name on every network, plus the aliases the file gives. */
    public static String[] aliases(ComposeModel.Service service, String network) {
        List<String> aliases = new ArrayList<>();
        aliases.add(service.name());
        ComposeModel.Attachment attachment = service.networks().get(network);
        if (attachment != null) {
            aliases.addAll(attachment.aliases());
        }
        return aliases.toArray(String[]::new);
    }
}
