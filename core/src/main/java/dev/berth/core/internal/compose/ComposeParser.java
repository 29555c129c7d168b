package dev.berth.core.internal.compose;

import dev.berth.HealthCheck;
import dev.berth.InvalidComposeFileException;
import dev.berth.InvalidSpecException;
import dev.berth.PortBinding;
import dev.berth.Protocol;
import dev.berth.RestartPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the subset of the Compose spec Berth supports, with every error pointing at file:line:column. Keys of the
 * spec Berth does not support yet are named as such (never silently ignored); unknown keys are typos.
 */
public final class ComposeParser {
    private static final Set<String> TOP_LEVEL = Set.of("version", "name", "services", "volumes", "networks");
    private static final Set<String> SERVICE_KEYS = Set.of("image", "build", "command", "entrypoint", "environment",
            "ports", "volumes", "networks", "depends_on", "healthcheck", "restart", "labels", "working_dir", "user",
            "hostname", "container_name", "expose", "env_file", "extra_hosts", "cap_add", "cap_drop", "read_only",
            "mem_limit", "cpus", "pids_limit", "stop_signal", "stop_grace_period", "tmpfs", "tty", "stdin_open");
    private static final Set<String> SPEC_BUT_UNSUPPORTED = Set.of("deploy", "secrets", "configs",
            "profiles", "extends", "links", "external_links", "network_mode", "pid", "ipc", "privileged",
            "devices", "dns", "logging", "ulimits", "init", "platform", "scale", "shm_size",
            "sysctls", "security_opt");
    private static final Pattern PORT = Pattern.compile(
            "(?:(?<ip>\\d+\\.\\d+\\.\\d+\\.\\d+|\\[[0-9a-fA-F:]+]):)?(?:(?<host>\\d*):)?(?<container>\\d+)(?:/(?<proto>tcp|udp|sctp))?");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s|m|h)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}"
            + "|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private final Path file;
    private final Map<String, String> env;

    private ComposeParser(Path file, Map<String, String> env) {
        this.file = file;
        this.env = env;
    }

    public static ComposeModel parse(Path file, String projectName, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return new ComposeParser(file, env).model(text, projectName);
    }

    private ComposeModel model(String text, String projectName) {
        Node root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(file.toString()).build()).composeString(text)
                    .orElseThrow(() -> new InvalidComposeFileException(file, 1, 1, "the file is empty",
                            "define at least one service under 'services:'"));
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().orElse(null);
            throw new InvalidComposeFileException(file, mark == null ? 1 : mark.getLine() + 1,
                    mark == null ? 1 : mark.getColumn() + 1, "not valid YAML: " + e.getProblem(),
                    "fix the YAML syntax at that place");
        } catch (YamlEngineException e) {
            throw new InvalidComposeFileException(file, 1, 1, "not valid YAML: " + e.getMessage(), null);
        }
        Map<String, NodeTuple> top = mapping(root, "the top level");
        for (NodeTuple entry : top.values()) {
            String key = scalar(entry.getKeyNode());
            if (!TOP_LEVEL.contains(key)) {
                throw error(entry.getKeyNode(), "'" + key + "' is not a top-level key Berth supports ("
                        + TOP_LEVEL + ")", "remove it or move it under a service");
            }
        }
        String project = projectName != null ? projectName
                : top.containsKey("name") ? checkedProject(top.get("name").getValueNode())
                : dev.berth.StackSpec.defaultProjectName(file);
        Set<String> volumes = names(top.get("volumes"));
        Set<String> networks = names(top.get("networks"));
        NodeTuple servicesEntry = top.get("services");
        if (servicesEntry == null) {
            throw new InvalidComposeFileException(file, 1, 1, "there is no 'services:' section",
                    "define the services to run under 'services:'");
        }
        Map<String, ComposeModel.Service> services = new LinkedHashMap<>();
        Map<String, Node> serviceNodes = new HashMap<>();
        for (NodeTuple entry : mapping(servicesEntry.getValueNode(), "services").values()) {
            String name = scalar(entry.getKeyNode());
            if (!name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
                throw error(entry.getKeyNode(), "'" + name + "' is not a valid service name",
                        "use letters, digits, '_', '.' and '-'");
            }
            services.put(name, service(name, entry.getValueNode(), volumes, networks));
            serviceNodes.put(name, entry.getValueNode());
        }
        checkDependencies(services, serviceNodes);
        return new ComposeModel(project, file, services, volumes, networks);
    }

    private String checkedProject(Node node) {
        String name = text(node);
        if (!name.matches("[a-z0-9][a-z0-9_-]*")) {
            throw error(node, "'" + name + "' is not a valid project name",
                    "use lowercase letters, digits, '_' and '-'");
        }
        return name;
    }

    private Set<String> names(NodeTuple entry) {
        Set<String> names = new LinkedHashSet<>();
        if (entry == null || isNull(entry.getValueNode())) {
            return names;
        }
        for (NodeTuple item : mapping(entry.getValueNode(), scalar(entry.getKeyNode())).values()) {
            Node value = item.getValueNode();
            if (!isNull(value)) {
                for (NodeTuple option : mapping(value, scalar(item.getKeyNode())).values()) {
                    throw error(option.getKeyNode(), "option '" + scalar(option.getKeyNode()) + "' of "
                            + scalar(entry.getKeyNode()) + " '" + scalar(item.getKeyNode())
                            + "' is not supported by Berth yet", "declare it without options");
                }
            }
            names.add(scalar(item.getKeyNode()));
        }
        return names;
    }

    private ComposeModel.Service service(String name, Node node, Set<String> volumes, Set<String> networks) {
        Map<String, NodeTuple> keys = mapping(node, "service '" + name + "'");
        for (NodeTuple entry : keys.values()) {
            String key = scalar(entry.getKeyNode());
            if (SPEC_BUT_UNSUPPORTED.contains(key)) {
                throw error(entry.getKeyNode(), "'" + key + "' (service '" + name + "') is not supported by Berth yet",
                        "remove it, or run this file with docker compose");
            }
            if (!SERVICE_KEYS.contains(key)) {
                throw error(entry.getKeyNode(), "'" + key + "' is not a service key (service '" + name + "')",
                        "check the spelling; supported: " + new java.util.TreeSet<>(SERVICE_KEYS));
            }
        }
        String image = keys.containsKey("image") ? text(value(keys, "image")) : null;
        ComposeModel.Build build = keys.containsKey("build") ? build(value(keys, "build")) : null;
        if (image == null && build == null) {
            throw error(node, "service '" + name + "' has neither 'image' nor 'build'", "add one of them");
        }
        if (image != null) {
            try {
                dev.berth.ImageRef.parse(image);
            } catch (InvalidSpecException e) {
                throw error(value(keys, "image"), e.rule(), "write a valid image reference such as nginx:1.25");
            }
        }
        List<PortBinding> ports = new ArrayList<>();
        if (keys.containsKey("ports")) {
            for (Node port : sequence(value(keys, "ports"), "ports")) {
                ports.add(port(port));
            }
        }
        List<ComposeModel.VolumeMount> mounts = new ArrayList<>();
        if (keys.containsKey("volumes")) {
            for (Node volume : sequence(value(keys, "volumes"), "volumes")) {
                mounts.add(volume(volume, volumes));
            }
        }
        Map<String, List<String>> serviceNetworks = new LinkedHashMap<>();
        if (keys.containsKey("networks")) {
            Node value = value(keys, "networks");
            if (value instanceof SequenceNode seq) {
                for (Node n : seq.getValue()) {
                    serviceNetworks.put(declared(n, networks, "network"), List.of());
                }
            } else {
                for (NodeTuple entry : mapping(value, "networks").values()) {
                    String network = declared(entry.getKeyNode(), networks, "network");
                    List<String> aliases = new ArrayList<>();
                    if (!isNull(entry.getValueNode())) {
                        Map<String, NodeTuple> options = mapping(entry.getValueNode(), network);
                        for (NodeTuple option : options.values()) {
                            if (!scalar(option.getKeyNode()).equals("aliases")) {
                                throw error(option.getKeyNode(), "network option '" + scalar(option.getKeyNode())
                                        + "' is not supported by Berth yet", "only 'aliases' is");
                            }
                            sequence(option.getValueNode(), "aliases").forEach(a -> aliases.add(text(a)));
                        }
                    }
                    serviceNetworks.put(network, aliases);
                }
            }
        }
        Map<String, String> dependsOn = new LinkedHashMap<>();
        if (keys.containsKey("depends_on")) {
            Node value = value(keys, "depends_on");
            if (value instanceof SequenceNode seq) {
                seq.getValue().forEach(n -> dependsOn.put(text(n), ComposeModel.STARTED));
            } else {
                for (NodeTuple entry : mapping(value, "depends_on").values()) {
                    Map<String, NodeTuple> options = mapping(entry.getValueNode(), "depends_on");
                    String condition = options.containsKey("condition") ? text(value(options, "condition"))
                            : ComposeModel.STARTED;
                    if (!Set.of(ComposeModel.STARTED, ComposeModel.HEALTHY, ComposeModel.COMPLETED).contains(condition)) {
                        throw error(value(options, "condition"), "unknown depends_on condition '" + condition + "'",
                                "use service_started, service_healthy or service_completed_successfully");
                    }
                    dependsOn.put(scalar(entry.getKeyNode()), condition);
                }
            }
        }
        Map<String, String> environment = envFiles(keys);
        environment.putAll(keyValues(keys, "environment"));
        return new ComposeModel.Service(name, image, build, command(keys, "command"), command(keys, "entrypoint"),
                environment, ports, mounts, serviceNetworks, dependsOn, healthCheck(keys),
                restart(keys), keyValues(keys, "labels"),
                keys.containsKey("working_dir") ? text(value(keys, "working_dir")) : null,
                keys.containsKey("user") ? text(value(keys, "user")) : null,
                keys.containsKey("hostname") ? text(value(keys, "hostname")) : null, options(keys));
    }

    /** The plain container options, each checked here (with its mark) and applied to the spec at start. */
    private List<java.util.function.UnaryOperator<dev.berth.ContainerSpec>> options(Map<String, NodeTuple> keys) {
        List<java.util.function.UnaryOperator<dev.berth.ContainerSpec>> options = new ArrayList<>();
        if (keys.containsKey("extra_hosts")) {
            Node node = value(keys, "extra_hosts");
            Map<String, String> hosts = new LinkedHashMap<>();
            if (node instanceof SequenceNode seq) {
                for (Node item : seq.getValue()) {
                    String text = text(item);
                    int split = text.indexOf(text.contains("=") ? '=' : ':');
                    if (split <= 0) {
                        throw error(item, "'" + text + "' is not HOST:IP", "e.g. \"db.local:10.0.0.5\"");
                    }
                    hosts.put(text.substring(0, split), text.substring(split + 1));
                }
            } else {
                mapping(node, "extra_hosts").values().forEach(e -> hosts.put(scalar(e.getKeyNode()),
                        text(e.getValueNode())));
            }
            hosts.forEach((host, ip) -> options.add(spec -> spec.extraHost(host, ip)));
        }
        for (String key : List.of("cap_add", "cap_drop")) {
            if (keys.containsKey(key)) {
                String[] caps = sequence(value(keys, key), key).stream().map(this::text).toArray(String[]::new);
                options.add(key.equals("cap_add") ? spec -> spec.capAdd(caps) : spec -> spec.capDrop(caps));
            }
        }
        if (keys.containsKey("read_only") && bool(value(keys, "read_only"))) {
            options.add(dev.berth.ContainerSpec::readOnlyRootfs);
        }
        if (keys.containsKey("tty") && bool(value(keys, "tty"))
                || keys.containsKey("stdin_open") && bool(value(keys, "stdin_open"))) {
            options.add(keys.containsKey("tty") && bool(value(keys, "tty"))
                    ? dev.berth.ContainerSpec::interactive : dev.berth.ContainerSpec::stdinOpen);
        }
        options.addAll(checked(keys, "mem_limit", text -> spec -> spec.memory(text)));
        options.addAll(checked(keys, "cpus", text -> spec -> spec.cpus(Double.parseDouble(text))));
        options.addAll(checked(keys, "pids_limit", text -> spec -> spec.pidsLimit(Long.parseLong(text))));
        options.addAll(checked(keys, "stop_signal", text -> spec -> spec.stopSignal(text)));
        if (keys.containsKey("stop_grace_period")) {
            Duration grace = duration(value(keys, "stop_grace_period"));
            options.add(spec -> spec.stopTimeout(grace));
        }
        if (keys.containsKey("tmpfs")) {
            Node node = value(keys, "tmpfs");
            List<Node> paths = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
            for (Node path : paths) {
                String target = text(path).split(":")[0];
                options.addAll(checkedValue(path, target, t -> spec -> spec.tmpfs(t)));
            }
        }
        return options;
    }

    /** Builds the option now, against a throwaway spec, so a bad value fails at its mark, not at start. */
    private List<java.util.function.UnaryOperator<dev.berth.ContainerSpec>> checked(Map<String, NodeTuple> keys,
            String key, java.util.function.Function<String, java.util.function.UnaryOperator<dev.berth.ContainerSpec>>
                    option) {
        return keys.containsKey(key) ? checkedValue(value(keys, key), text(value(keys, key)), option) : List.of();
    }

    private List<java.util.function.UnaryOperator<dev.berth.ContainerSpec>> checkedValue(Node node, String text,
            java.util.function.Function<String, java.util.function.UnaryOperator<dev.berth.ContainerSpec>> option) {
        try {
            var op = option.apply(text);
            op.apply(dev.berth.ContainerSpec.of("busybox"));
            return List.of(op);
        } catch (InvalidSpecException | NumberFormatException e) {
            throw error(node, "'" + text + "': " + e.getMessage(), null);
        }
    }

    private boolean bool(Node node) {
        String text = text(node);
        if (!text.equals("true") && !text.equals("false")) {
            throw error(node, "'" + text + "' is not true or false", null);
        }
        return text.equals("true");
    }

    /** env_file: KEY=VALUE lines, relative to the compose file; '#' lines and blank lines are skipped. */
    private Map<String, String> envFiles(Map<String, NodeTuple> keys) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!keys.containsKey("env_file")) {
            return values;
        }
        Node node = value(keys, "env_file");
        List<Node> files = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        for (Node entry : files) {
            Path path = file.getParent().resolve(text(entry)).normalize();
            List<String> lines;
            try {
                lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw error(entry, "env_file " + path + " cannot be read", "check the path (relative to the compose file)");
            }
            for (String line : lines) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int eq = trimmed.indexOf('=');
                values.put(eq < 0 ? trimmed : trimmed.substring(0, eq), eq < 0 ? env.getOrDefault(trimmed, "")
                        : trimmed.substring(eq + 1));
            }
        }
        return values;
    }

    private ComposeModel.Build build(Node node) {
        Path base = file.getParent();
        if (node instanceof ScalarNode) {
            return new ComposeModel.Build(base.resolve(text(node)).normalize(), null);
        }
        Map<String, NodeTuple> keys = mapping(node, "build");
        for (NodeTuple entry : keys.values()) {
            String key = scalar(entry.getKeyNode());
            if (!key.equals("context") && !key.equals("dockerfile")) {
                throw error(entry.getKeyNode(), "build option '" + key + "' is not supported by Berth yet",
                        "use context and dockerfile");
            }
        }
        Path context = base.resolve(keys.containsKey("context") ? text(value(keys, "context")) : ".").normalize();
        return new ComposeModel.Build(context, keys.containsKey("dockerfile") ? text(value(keys, "dockerfile")) : null);
    }

    private PortBinding port(Node node) {
        String text = text(node);
        Matcher m = PORT.matcher(text);
        if (!m.matches()) {
            throw error(node, "'" + text + "' is not a port mapping", "write [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/udp],"
                    + " e.g. \"8080:80\" or \"127.0.0.1:5432:5432\"");
        }
        try {
            Protocol protocol = m.group("proto") == null ? Protocol.TCP
                    : Protocol.valueOf(m.group("proto").toUpperCase(java.util.Locale.ROOT));
            PortBinding binding = new PortBinding(Integer.parseInt(m.group("container")), protocol,
                    m.group("ip") == null ? PortBinding.LOOPBACK : m.group("ip"), 0);
            String host = m.group("host");
            return host == null || host.isEmpty() ? binding : binding.toHostPort(Integer.parseInt(host));
        } catch (InvalidSpecException | NumberFormatException e) {
            throw error(node, "'" + text + "': " + e.getMessage(), null);
        }
    }

    private ComposeModel.VolumeMount volume(Node node, Set<String> declared) {
        String text = text(node);
        String[] parts = text.split(":");
        if (parts.length < 2 || parts.length > 3 || !parts[1].startsWith("/")) {
            throw error(node, "'" + text + "' is not a volume mount Berth supports",
                    "write NAME:/path, ./host/path:/path or /host/path:/path, optionally with :ro");
        }
        boolean readOnly = parts.length == 3 && parts[2].equals("ro");
        if (parts.length == 3 && !parts[2].equals("ro") && !parts[2].equals("rw")) {
            throw error(node, "mount option '" + parts[2] + "' is not supported", "use ro or rw");
        }
        String source = parts[0];
        boolean named = !source.startsWith(".") && !source.startsWith("/") && !source.startsWith("~");
        if (named && !declared.contains(source)) {
            throw error(node, "service uses volume '" + source + "' but it is not declared",
                    "add it under the top-level 'volumes:' section");
        }
        String resolved = named ? source : file.getParent().resolve(source).normalize().toString();
        return new ComposeModel.VolumeMount(resolved, named, parts[1], readOnly);
    }

    private String declared(Node node, Set<String> declared, String kind) {
        String name = text(node);
        if (!name.equals("default") && !declared.contains(name)) {
            throw error(node, "service uses " + kind + " '" + name + "' but it is not declared",
                    "add it under the top-level '" + kind + "s:' section");
        }
        return name;
    }

    private List<String> command(Map<String, NodeTuple> keys, String key) {
        if (!keys.containsKey(key)) {
            return List.of();
        }
        Node node = value(keys, key);
        if (node instanceof SequenceNode seq) {
            return seq.getValue().stream().map(this::text).toList();
        }
        return List.of("/bin/sh", "-c", text(node));
    }

    private Map<String, String> keyValues(Map<String, NodeTuple> keys, String key) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!keys.containsKey(key)) {
            return values;
        }
        Node node = value(keys, key);
        if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                String text = text(item);
                int eq = text.indexOf('=');
                values.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? env.getOrDefault(text, "")
                        : text.substring(eq + 1));
            }
        } else {
            for (NodeTuple entry : mapping(node, key).values()) {
                values.put(scalar(entry.getKeyNode()), isNull(entry.getValueNode()) ? ""
                        : text(entry.getValueNode()));
            }
        }
        return values;
    }

    private HealthCheck healthCheck(Map<String, NodeTuple> keys) {
        if (!keys.containsKey("healthcheck")) {
            return null;
        }
        Map<String, NodeTuple> h = mapping(value(keys, "healthcheck"), "healthcheck");
        if (!h.containsKey("test")) {
            throw error(value(keys, "healthcheck"), "a healthcheck needs a 'test'", "e.g. test: [\"CMD\", \"true\"]");
        }
        Node test = value(h, "test");
        HealthCheck check = test instanceof SequenceNode seq
                ? new HealthCheck(seq.getValue().stream().map(this::text).toList(), Duration.ofSeconds(30),
                        Duration.ofSeconds(30), 3, Duration.ZERO)
                : HealthCheck.shell(text(test)).interval(Duration.ofSeconds(30)).timeout(Duration.ofSeconds(30));
        if (h.containsKey("interval")) {
            check = check.interval(duration(value(h, "interval")));
        }
        if (h.containsKey("timeout")) {
            check = check.timeout(duration(value(h, "timeout")));
        }
        if (h.containsKey("start_period")) {
            check = check.startPeriod(duration(value(h, "start_period")));
        }
        if (h.containsKey("retries")) {
            check = check.retries(Integer.parseInt(text(value(h, "retries"))));
        }
        return check;
    }

    private Duration duration(Node node) {
        String text = text(node);
        Matcher m = DURATION.matcher(text);
        long nanos = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            double amount = Double.parseDouble(m.group(1));
            nanos += (long) (amount * switch (m.group(2)) {
                case "us" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            });
            end = m.end();
        }
        if (end != text.length() || end == 0) {
            throw error(node, "'" + text + "' is not a duration", "write it like 10s, 1m30s or 500ms");
        }
        return Duration.ofNanos(nanos);
    }

    private RestartPolicy restart(Map<String, NodeTuple> keys) {
        if (!keys.containsKey("restart")) {
            return null;
        }
        String text = text(value(keys, "restart"));
        return switch (text.replaceFirst(":.*", "")) {
            case "no" -> RestartPolicy.NO;
            case "always" -> RestartPolicy.ALWAYS;
            case "unless-stopped" -> RestartPolicy.UNLESS_STOPPED;
            case "on-failure" -> RestartPolicy.onFailure(text.contains(":")
                    ? Integer.parseInt(text.substring(text.indexOf(':') + 1)) : 0);
            default -> throw error(value(keys, "restart"), "'" + text + "' is not a restart policy",
                    "use no, always, unless-stopped or on-failure[:N]");
        };
    }

    /** depends_on names real services and has no cycle. */
    private void checkDependencies(Map<String, ComposeModel.Service> services, Map<String, Node> nodes) {
        for (ComposeModel.Service service : services.values()) {
            for (String dependency : service.dependsOn().keySet()) {
                if (!services.containsKey(dependency)) {
                    throw error(nodes.get(service.name()), "service '" + service.name() + "' depends on '"
                            + dependency + "', which is not defined", "define it or fix the name");
                }
            }
        }
        Map<String, Integer> state = new HashMap<>();
        for (String name : services.keySet()) {
            Deque<String> path = new ArrayDeque<>();
            if (cycle(name, services, state, path)) {
                throw error(nodes.get(name), "depends_on forms a cycle: " + String.join(" -> ", path),
                        "remove one of the dependencies");
            }
        }
    }

    private static boolean cycle(String name, Map<String, ComposeModel.Service> services, Map<String, Integer> state,
            Deque<String> path) {
        Integer seen = state.get(name);
        if (seen != null) {
            if (seen == 1) {
                path.addLast(name);
                return true;
            }
            return false;
        }
        state.put(name, 1);
        path.addLast(name);
        for (String dependency : services.get(name).dependsOn().keySet()) {
            if (cycle(dependency, services, state, path)) {
                return true;
            }
        }
        path.removeLast();
        state.put(name, 2);
        return false;
    }

    // ---- node helpers ----

    private Map<String, NodeTuple> mapping(Node node, String what) {
        if (!(node instanceof MappingNode map)) {
            throw error(node, what + " must be a mapping (key: value)", null);
        }
        Map<String, NodeTuple> keys = new LinkedHashMap<>();
        for (NodeTuple entry : map.getValue()) {
            String key = scalar(entry.getKeyNode());
            if (keys.put(key, entry) != null) {
                throw error(entry.getKeyNode(), "'" + key + "' appears twice", "keep one");
            }
        }
        return keys;
    }

    private List<Node> sequence(Node node, String what) {
        if (!(node instanceof SequenceNode seq)) {
            throw error(node, what + " must be a list", "write one item per line, each starting with '- '");
        }
        return seq.getValue();
    }

    private static Node value(Map<String, NodeTuple> keys, String key) {
        return keys.get(key).getValueNode();
    }

    private String scalar(Node node) {
        if (!(node instanceof ScalarNode s)) {
            throw error(node, "expected a plain value here", null);
        }
        return s.getValue();
    }

    /** A scalar with ${VAR}, ${VAR:-default} and $$ resolved from the environment, as Compose does. */
    private String text(Node node) {
        String raw = scalar(node);
        Matcher m = VARIABLE.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else {
                String name = m.group(1) != null ? m.group(1) : m.group(3);
                String value = env.get(name);
                replacement = value != null && !value.isEmpty() ? value : m.group(2) != null ? m.group(2) : "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && (s.getValue().isEmpty() || s.getValue().equals("null")
                || s.getValue().equals("~")) && s.getTag().getValue().endsWith("null");
    }

    private InvalidComposeFileException error(Node node, String problem, String fix) {
        Mark mark = node == null ? null : node.getStartMark().orElse(null);
        return new InvalidComposeFileException(file, mark == null ? 1 : mark.getLine() + 1,
                mark == null ? 1 : mark.getColumn() + 1, problem, fix);
    }
}
