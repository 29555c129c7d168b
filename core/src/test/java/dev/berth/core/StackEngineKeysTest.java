package dev.berth.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.ContainerFilter;
import dev.berth.ContainerSummary;
import dev.berth.Filter;
import dev.berth.InvalidComposeFileException;
import dev.berth.Stack;
import dev.berth.StackSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compose keys {@code up} passes to the engine beyond a plain container spec ({@code expose}, {@code volumes_from},
 * {@code links}, {@code logging}, {@code devices}, {@code dns_opt}, {@code deploy.resources.reservations},
 * {@code healthcheck.start_interval}, per-network {@code ipv4_address}, network {@code driver_opts}): the same file
 * run by {@code docker compose} and by Berth gives the same engine objects (compared field by field, names made
 * neutral), the keys work inside the containers, and the CLI keeps Berth's containers (same config hash, also for
 * {@code volumes_from} and {@code network_mode: service:}, which Compose hashes with the container IDs resolved).
 */
class StackEngineKeysTest extends EngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SLEEP = "[\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 300 & wait\"]";
    private static final String COMPOSE = """
            services:
              base:
                image: %1$s
                command: ["sh", "-c", "trap 'exit 0' TERM; echo shared > /data/f; sleep 300 & wait"]
                volumes:
                  - data:/data
                expose: ["8080", "9000-9001/udp"]
                networks: [front]
              app:
                image: %1$s
                command: %2$s
                volumes_from: ["base:ro"]
                links: ["base:db", "base"]
                logging:
                  driver: json-file
                  options: {max-size: 1m, max-file: "2"}
                devices: ["/dev/null:/dev/xnull:rwm"]
                dns_opt: [ndots:2, "timeout:3"]
                healthcheck:
                  test: ["CMD", "true"]
                  interval: 5s
                  start_period: 10s
                  %4$s
                deploy:
                  resources:
                    reservations: {memory: 32m, cpus: "0.25"}
                networks:
                  front: {ipv4_address: %3$s.10}
                  back: {}
              side:
                image: %1$s
                command: %2$s
                network_mode: service:base
            networks:
              front:
                driver_opts: {com.docker.network.bridge.enable_icc: "true", berth.test: "yes"}
                ipam:
                  config: [{subnet: %3$s.0/24}]
              back: {}
            volumes:
              data: {}
            """;

    /** A random private /24 prefix (never a fixed subnet: other tests share the engine). */
    private static String subnetPrefix() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(150, 200) + "." + r.nextInt(0, 256);
    }

    private static boolean engineHasStartInterval() {
        String[] v = docker.version().negotiatedApiVersion().split("\\.");
        return Integer.parseInt(v[0]) > 1 || Integer.parseInt(v[1]) >= 44;
    }

    private static Path write(Path dir, String name, String prefix, boolean startInterval) throws Exception {
        return Files.writeString(dir.resolve(name), COMPOSE.formatted(TestImages.BUSYBOX, SLEEP, prefix,
                startInterval ? "start_interval: 1s" : ""));
    }

    private static String project() {
        return "berth-keys-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theEngineGetsWhatComposeSendsAndTheKeysWork(@TempDir Path dir) throws Exception {
        boolean startInterval = engineHasStartInterval();
        String ourPrefix = subnetPrefix();
        String theirPrefix = subnetPrefix();
        Path ours = write(dir, "ours.yaml", ourPrefix, startInterval);
        Path theirs = write(dir, "theirs.yaml", theirPrefix, startInterval);
        String berthProject = project();
        String composeProject = project();
        Stack stack = docker.stacks().up(StackSpec.fromCompose(ours).projectName(berthProject));
        try {
            cli("-f", theirs.toString(), "-p", composeProject, "up", "-d");
            for (String service : List.of("base", "app", "side")) {
                assertEquals(engineView(composeProject, service, theirPrefix), engineView(berthProject, service,
                        ourPrefix), service + ": Berth's container as Compose's");
            }
            assertEquals(networkOptions(composeProject + "_front"), networkOptions(berthProject + "_front"));
            assertTrue(networkOptions(berthProject + "_front").contains("berth.test"));

            Stack theirsInBerth = docker.stacks().get(composeProject);
            assertEquals(3, theirsInBerth.ps().size(), "Berth reads Compose's stack");
            assertEquals(composeProject + "-base-1", theirsInBerth.service("base").name(),
                    "and inspects a container with an expose range (docker-java alone cannot)");

            var app = stack.service("app");
            assertEquals("shared", app.exec("cat", "/data/f").stdout().strip(), "volumes_from: base's volume");
            assertEquals(0, app.exec("ping", "-c", "1", "-W", "2", "db").exitCode(), "links: 'db' names base");
            assertTrue(app.exec("ls", "/dev/xnull").exitCode() == 0, "devices");
            assertTrue(app.exec("cat", "/etc/resolv.conf").stdout().contains("ndots:2"), "dns_opt");
            String ip = app.exec("ip", "-4", "-o", "addr").stdout();
            assertTrue(ip.contains(ourPrefix + ".10/24"), "ipv4_address: " + ip);

            Map<String, String> before = ids(stack.ps());
            String out = cli("-f", ours.toString(), "-p", berthProject, "up", "-d");
            assertEquals(before, ids(stack.ps()), "docker compose up keeps Berth's containers: " + out);
        } finally {
            stack.downRemovingVolumes();
            cli("-p", composeProject, "down", "-v");
        }
    }

    @Test
    void startIntervalNeedsApi144AndOtherwiseFailsBeforeCreatingAnything(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    image: %s
                    command: %s
                    healthcheck:
                      test: ["CMD", "true"]
                      start_period: 30s
                      start_interval: 1s
                """.formatted(TestImages.BUSYBOX, SLEEP));
        String project = project();
        StackSpec spec = StackSpec.fromCompose(file).projectName(project);
        if (engineHasStartInterval()) {
            Stack stack = docker.stacks().up(spec);
            try {
                String health = cli2("docker", "inspect", "--format", "{{json .Config.Healthcheck}}", project
                        + "-app-1");
                assertEquals(1_000_000_000L, JSON.readTree(health).get("StartInterval").asLong(), health);
            } finally {
                stack.down();
            }
        } else {
            var e = assertThrows(InvalidComposeFileException.class, () -> docker.stacks().up(spec));
            assertTrue(e.getMessage().contains("services.app.healthcheck.start_interval")
                    && e.getMessage().contains("API 1.44") && e.getMessage().contains(":8:"), e.getMessage());
            assertEquals(List.of(), docker.containers().list(ContainerFilter.all()
                    .label("com.docker.compose.project", project)), "no container");
            assertEquals(List.of(), docker.networks().list(Filter.none()
                    .label("com.docker.compose.project", project)), "no network");
        }
    }

    /**
     * What the engine holds for a service's container, with the project name, the subnet and container IDs made
     * neutral: the fields these keys set.
     */
    private static Map<String, String> engineView(String project, String service, String prefix) throws Exception {
        JsonNode c = inspect(project + "-" + service + "-1");
        Map<String, String> view = new TreeMap<>();
        JsonNode host = c.get("HostConfig");
        for (String key : List.of("LogConfig", "Devices", "DnsOptions", "MemoryReservation", "NanoCpus",
                "CpuShares", "Links")) {
            view.put(key, String.valueOf(host.get(key)));
        }
        List<String> from = new ArrayList<>();
        if (host.get("VolumesFrom").isArray()) {
            for (JsonNode v : host.get("VolumesFrom")) {
                from.add(inspect(v.asText()).get("Name").asText());
            }
        }
        view.put("VolumesFrom", from.toString());
        view.put("depends_on label", c.get("Config").get("Labels").path("com.docker.compose.depends_on").asText());
        view.put("ExposedPorts", exposed(c.get("Config").get("ExposedPorts")).toString());
        JsonNode health = c.get("Config").get("Healthcheck");
        for (String key : List.of("Test", "Interval", "StartPeriod", "StartInterval")) {
            // Timeout and Retries: Berth writes the engine's defaults (30s, 3) where Compose leaves them to the engine
            view.put("Healthcheck." + key, String.valueOf(health == null ? null : health.get(key)));
        }
        c.get("NetworkSettings").get("Networks").fields().forEachRemaining(n -> {
            JsonNode e = n.getValue();
            view.put(n.getKey() + ".Links", String.valueOf(e.get("Links")));
            JsonNode ipam = e.get("IPAMConfig");
            view.put(n.getKey() + ".IPAMConfig", ipam == null || ipam.isNull() || ipam.isEmpty() ? "none"
                    : ipam.toString()); // Compose sends {} where Berth sends nothing: the same to the engine
        });
        Map<String, String> neutral = new TreeMap<>();
        view.forEach((k, v) -> neutral.put(k.replace(project, "P"), v.replace(project, "P").replace(prefix, "S")));
        return neutral;
    }

    /**
     * Exposed ports, sorted, with a range key ("9000-9001/udp", as Compose sends it) read as its ports: Berth sends
     * each port of a range (the one deliberate difference; see ServiceExtras.expose).
     */
    private static List<String> exposed(JsonNode ports) {
        List<String> out = new ArrayList<>();
        if (ports != null && ports.isObject()) {
            ports.fieldNames().forEachRemaining(key -> {
                var range = java.util.regex.Pattern.compile("(\\d+)-(\\d+)(/\\w+)").matcher(key);
                if (range.matches()) {
                    for (int p = Integer.parseInt(range.group(1)); p <= Integer.parseInt(range.group(2)); p++) {
                        out.add(p + range.group(3));
                    }
                } else {
                    out.add(key);
                }
            });
        }
        out.sort(null);
        return out;
    }

    private static String networkOptions(String network) throws Exception {
        return cli2("docker", "network", "inspect", "--format", "{{json .Options}}", network).strip();
    }

    private static JsonNode inspect(String name) throws Exception {
        return JSON.readTree(cli2("docker", "inspect", name)).get(0);
    }

    private static Map<String, String> ids(List<ContainerSummary> ps) {
        Map<String, String> ids = new TreeMap<>();
        ps.forEach(c -> ids.put(c.name(), c.id()));
        return ids;
    }

    private static String cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker", "compose"));
        command.addAll(List.of(args));
        return cli2(command.toArray(String[]::new));
    }

    /** A docker CLI command against the engine this test uses (DOCKER_HOST is inherited). */
    private static String cli2(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + out);
        return out;
    }
}
