package dev.berth.core.internal.compose;

import dev.berth.ContainerSpec;
import dev.berth.ExecResult;
import dev.berth.OneOffSpec;
import dev.berth.Wait;
import dev.berth.core.internal.containers.EngineContainer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The one-off container of {@code docker compose run} (its dependencies are already up), shaped as Compose 2.40
 * shapes it ({@code pkg/compose/run.go}, checked with {@code docker inspect} of the CLI's one-offs): named
 * {@code PROJECT-SERVICE-run-<first 12 hex of the slug>} whatever the service's {@code container_name}; labels
 * {@code oneoff=True}, {@code slug=<64 hex>}, no {@code container-number}; a config hash of the service as run
 * (its name, no ports, no restart, the given command); the project's networks without the service's aliases
 * (Compose's {@code --use-aliases} is off by default); no published ports and no restart policy.
 */
final class OneOffRun {
    static final String SLUG = "com.docker.compose.slug";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LONGEST = Duration.ofHours(1);

    private final StackEngine engine;
    private final LoadedProject project;
    private final ServiceSpecs specs;

    OneOffRun(StackEngine engine, LoadedProject project, ServiceSpecs specs) {
        this.engine = engine;
        this.project = project;
        this.specs = specs;
    }

    ExecResult run(ComposeModel.Service base, OneOffSpec oneOff, Map<String, String> networks,
            Map<String, String> volumes, String imageId) {
        List<String> command = oneOff.commandLine().isEmpty() ? null : oneOff.commandLine();
        ComposeModel.Service service = ServiceSpecs.oneOff(base, command, oneOff.startsDependencies());
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String slug = HexFormat.of().formatHex(random);
        String name = specs.project() + "-" + base.name() + "-run-" + slug.substring(0, 12);
        List<String> attached = new ArrayList<>(service.networks().keySet());
        ContainerSpec spec = specs.container(service, ServiceSpecs.ONE_OFF, networks, volumes, imageId).name(name)
                .label(SLUG, slug).label("com.docker.compose.config-hash", configHash(base, name, command));
        if (!attached.isEmpty()) {
            spec = spec.network(networks.get(attached.get(0)));
        }
        EngineContainer container = engine.containers().create(spec, specs.extras(service, ServiceSpecs.ONE_OFF));
        try {
            for (String network : attached.subList(Math.min(1, attached.size()), attached.size())) {
                engine.networks().connect(networks.get(network), container, new String[0],
                        specs.endpoint(service, network, ServiceSpecs.ONE_OFF));
            }
            InlineFiles.copyInto(container, specs.inlineFiles(service, project.env()));
            container.start();
            container.waitFor(Wait.exited().timeout(LONGEST));
            var logs = container.logs().all();
            Integer code = container.inspect().exitCode();
            return new ExecResult(code == null ? -1 : code, logs.stdout(), logs.stderr());
        } finally {
            if (oneOff.removesContainer()) {
                container.removeQuietly();
            }
        }
    }

    /**
     * Compose hashes the service as it runs it: with the run's name, without ports and restart, with the command
     * (and {@code volumes_from} / {@code network_mode: service:} resolved as for its other containers).
     */
    String configHash(ComposeModel.Service service, String name, List<String> command) {
        YNode.Map node = project.service(service.name()).copy();
        if (!service.extras().volumesFrom().isEmpty()) {
            YNode.Seq from = YNode.seq(node.mark());
            service.extras().volumesFrom().forEach(f -> from.add(YNode.scalar(f, node.mark())));
            node.put("volumes_from", from);
        }
        if (service.networkMode() != null && node.has("network_mode")) {
            node.putScalar("network_mode", service.networkMode());
        }
        YNode.Mark mark = node.mark();
        node.putScalar("container_name", name);
        node.remove("ports");
        node.remove("restart");
        if (node.get("deploy") instanceof YNode.Map deploy) {
            deploy.remove("restart_policy");
        }
        if (command != null) {
            YNode.Seq words = YNode.seq(mark);
            command.forEach(word -> words.add(YNode.scalar(word, mark)));
            node.put("command", words);
        }
        return ConfigHash.of(node);
    }
}
