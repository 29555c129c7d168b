package dev.berth.core.internal.compose;

import dev.berth.ComposeProject;
import dev.berth.InvalidComposeFileException;
import dev.berth.StackSpec;
import dev.berth.core.internal.containers.CreateExtras;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loader's behaviour on its own (no engine); equality with Compose is proved by the corpus and fixtures. */
class ComposeLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private LoadedProject load(Map<String, String> processEnv, Path... files) {
        return ComposeLoader.load(new ComposeLoader.Request(List.of(files), null, processEnv, Map.of(), List.of(),
                Set.of()));
    }

    private InvalidComposeFileException invalid(String yaml) throws Exception {
        Path file = write("compose.yaml", yaml);
        return assertThrows(InvalidComposeFileException.class, () -> ModelReader.read(load(Map.of(), file)));
    }

    /** Compose prints watch paths from the project directory's real path; the rest of the path stays as written. */
    @Test
    void watchPathsStartFromTheRealProjectDirectory() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real/app"));
        Files.createDirectories(real.resolve("exists"));
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));
        Files.createSymbolicLink(real.resolve("linked"), real.resolve("exists"));
        Files.writeString(real.resolve("compose.yaml"), """
                services:
                  a:
                    image: busybox
                    develop:
                      watch:
                        - {action: sync, path: ./exists, target: /x}
                        - {action: sync, path: ./missing, target: /y}
                        - {action: sync, path: ./linked, target: /z}
                """);
        String a = StackSpec.fromCompose(dir.resolve("link/app/compose.yaml")).load().serviceJson("a");
        Path realApp = real.toRealPath();
        for (String name : List.of("exists", "missing", "linked")) {
            assertTrue(a.contains("\"path\": \"" + realApp.resolve(name) + "\""), a);
        }
    }

    @Test
    void stackSpecLoadsThroughTheServiceLoaderWithEnvProfilesAndFiles() throws Exception {
        Path base = write("app/compose.yaml", """
                services:
                  web:
                    image: nginx:${TAG:?set TAG}
                    command: nginx -g 'daemon off;'
                  debug:
                    image: busybox:${DEBUG_TAG}
                    profiles: [debug]
                """);
        Path override = write("app/compose.prod.yaml", "services:\n  web:\n    environment: [MODE=prod]\n");
        Path vars = write("vars.env", "DEBUG_TAG=1.36\n");
        ComposeProject project = StackSpec.fromCompose(base, override).env(Map.of("TAG", "1.27")).envFile(vars)
                .profiles("debug").projectName("shop").load();
        assertEquals("shop", project.name());
        assertEquals(List.of("debug", "web"), project.services());
        assertEquals(dir.resolve("app"), project.workingDirectory());
        String web = project.serviceJson("web");
        assertTrue(web.contains("\"image\": \"nginx:1.27\""), web);
        assertTrue(web.contains("\"MODE\": \"prod\""), web);
        assertTrue(web.replaceAll("\\s+", "").contains("\"command\":[\"nginx\",\"-g\",\"daemonoff;\"]"), web);
        assertTrue(project.serviceJson("debug").contains("busybox:1.36"));
        assertFalse(StackSpec.fromCompose(base).env("TAG", "1").load().services().contains("debug"));
    }

    @Test
    void dotEnvOfTheProjectDirectoryYieldsToTheProcessEnvironment() throws Exception {
        write(".env", "IMAGE=from-dotenv\nTAG=1\nCOMPOSE_PROJECT_NAME=fromdotenv\n");
        Path file = write("compose.yaml", "services:\n  a:\n    image: ${IMAGE}:${TAG}\n");
        LoadedProject project = load(Map.of("TAG", "2"), file);
        assertTrue(project.serviceJson("a").contains("from-dotenv:2"));
        assertEquals("fromdotenv", project.name());
    }

    @Test
    void aMissingRequiredVariableNamesItsPlace() throws Exception {
        var e = invalid("services:\n  web:\n    image: nginx\n    environment:\n      KEY: ${KEY:?the api key}\n");
        assertEquals(5, e.line());
        assertEquals(12, e.column());
        assertEquals("services.web.environment.KEY", e.keyPath());
        assertTrue(e.getMessage().contains("required variable KEY is missing a value: the api key"), e.getMessage());
    }

    @Test
    void badNumbersAreFileErrorsNotNumberFormatExceptions() throws Exception {
        var retries = invalid("services:\n  web:\n    image: nginx\n    healthcheck:\n      test: [CMD, 'true']\n"
                + "      retries: \"3x\"\n");
        assertEquals(6, retries.line());
        assertEquals("services.web.healthcheck.retries", retries.keyPath());
        var restart = invalid("services:\n  web:\n    image: nginx\n    restart: on-failure:abc\n");
        assertEquals(4, restart.line());
        assertEquals(14, restart.column());
        assertEquals("services.web.restart", restart.keyPath());
        assertTrue(restart.getMessage().contains("Fix: write on-failure:3"), restart.getMessage());
    }

    @Test
    void deepNestingIsATypedErrorNotAStackOverflow() throws Exception {
        String deep = "[".repeat(20_000) + "]".repeat(20_000);
        var e = invalid("services:\n  web:\n    image: nginx\n    x-deep: " + deep + "\n");
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("nested more than"), e.getMessage());
        String block = new StringBuilder().append("a:\n").append(nestedBlock(2_000)).toString();
        assertThrows(InvalidComposeFileException.class, () -> YamlReader.parse(dir.resolve("x.yaml"), block));
    }

    private static String nestedBlock(int depth) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= depth; i++) {
            out.append(" ".repeat(i)).append("k:\n");
        }
        return out.toString();
    }

    @Test
    void unknownAndDuplicateKeysAreNamed() throws Exception {
        var unknown = invalid("services:\n  web:\n    image: nginx\n    prots: ['80']\n");
        assertEquals("services.web.prots", unknown.keyPath());
        assertEquals(4, unknown.line());
        var twice = invalid("services:\n  web:\n    image: nginx\n    image: redis\n");
        assertEquals("services.web.image", twice.keyPath());
        var port = invalid("services:\n  web:\n    image: nginx\n    ports:\n      - '80:80'\n      - 'eighty'\n");
        assertEquals("services.web.ports[1]", port.keyPath());
        assertEquals(6, port.line());
    }

    @Test
    void anchorsMergeKeysAndExtensionsFollowYaml() throws Exception {
        Path file = write("compose.yaml", """
                x-base: &base
                  image: busybox:1.36
                  environment: {A: '1'}
                services:
                  one:
                    <<: *base
                    x-note: ignored
                  two:
                    <<: *base
                    environment: {B: '2'}
                """);
        LoadedProject project = load(Map.of(), file);
        assertTrue(project.serviceJson("one").contains("busybox:1.36"));
        assertFalse(project.serviceJson("one").contains("x-note"));
        assertFalse(project.serviceJson("two").contains("\"A\""), "an explicit key replaces the merged one");
        assertTrue(project.toJson().contains("\"x-base\""), "top-level extensions are kept, as Compose keeps them");
    }

    @Test
    void keysComposeAcceptsButBerthCannotRunFailAtTheirMark() throws Exception {
        var init = invalid("services:\n  web:\n    image: nginx\n    oom_score_adj: 100\n");
        assertEquals("services.web.oom_score_adj", init.keyPath());
        assertTrue(init.getMessage().contains("Berth cannot run it"), init.getMessage());
        var ssh = invalid("services:\n  web:\n    build:\n      context: .\n      secrets: [npmrc]\n");
        assertEquals("services.web.build.secrets", ssh.keyPath());
        assertTrue(ssh.getMessage().contains("needs BuildKit"), ssh.getMessage());
    }

    @Test
    void theTypedModelSplitsCommandsAndReadsLimits() throws Exception {
        Path file = write("compose.yaml", """
                services:
                  db:
                    image: mysql:8
                    command: mysqld --character-set-server=utf8mb4 --sql-mode="STRICT ALL"
                    deploy:
                      replicas: 2
                      resources: {limits: {memory: 256M, cpus: '0.5'}}
                    secrets: [pw]
                secrets:
                  pw: {environment: DB_PASSWORD}
                """);
        ComposeModel model = ModelReader.read(load(Map.of("DB_PASSWORD", "s3cret"), file));
        ComposeModel.Service db = model.services().get("db");
        assertEquals(List.of("mysqld", "--character-set-server=utf8mb4", "--sql-mode=STRICT ALL"), db.command());
        assertEquals(2, db.replicas());
        assertEquals(268435456L, db.limits().memoryBytes());
        assertEquals(0.5, db.limits().cpus());
        assertEquals("/run/secrets/pw", db.files().get(0).target());
        assertEquals("s3cret", new String(new ServiceSpecs(model).inlineFiles(db, Map.of("DB_PASSWORD", "s3cret"))
                .get(0).content()));
        assertTrue(db.configJson().contains("\"replicas\": 2"), "each service keeps its normalized config");
    }

    @Test
    void runtimeKeysBecomeContainerSpecFields() throws Exception {
        Path file = write("compose.yaml", """
                services:
                  app:
                    image: busybox
                    init: true
                    platform: linux/amd64
                    shm_size: 1g
                    ulimits: {nproc: 500, nofile: {soft: 1024, hard: 2048}}
                    sysctls: [net.core.somaxconn=511]
                    privileged: true
                    dns: 192.0.2.53
                    dns_search: [corp.internal]
                """);
        ComposeModel model = ModelReader.read(load(Map.of(), file));
        var spec = new ServiceSpecs(model).container(model.services().get("app"), 1, Map.of("default", "p_default"),
                Map.of(), null);
        assertTrue(spec.execution().init());
        assertEquals("linux/amd64", spec.execution().platform());
        assertEquals(1L << 30, spec.resources().shmSizeBytes());
        assertEquals(new dev.berth.ContainerSettings.Ulimit("nproc", 500, 500), spec.resources().ulimits().get("nproc"));
        assertEquals(new dev.berth.ContainerSettings.Ulimit("nofile", 1024, 2048),
                spec.resources().ulimits().get("nofile"));
        assertEquals(Map.of("net.core.somaxconn", "511"), spec.resources().sysctls());
        assertTrue(spec.resources().privileged());
        assertEquals(List.of("192.0.2.53"), spec.networking().dns());
        assertEquals(List.of("corp.internal"), spec.networking().dnsSearch());
    }

    @Test
    void engineKeysBecomeCreateExtrasAsComposeSendsThem() throws Exception {
        Path file = write("compose.yaml", """
                services:
                  db:
                    image: busybox
                    deploy: {replicas: 2}
                  app:
                    image: busybox
                    expose: ["8080", "9000-9001/udp", "7000-7001"]
                    links: ["db:database", "db"]
                    logging: {options: {max-size: 1m}}
                    devices: ["/dev/null", "/dev/zero:/dev/z:r"]
                    dns_opt: [ndots:2]
                    mem_reservation: 32m
                    deploy: {resources: {reservations: {memory: 32m, cpus: '0.5'}}}
                    healthcheck: {test: ["CMD", "true"], start_interval: 2s}
                    networks:
                      front: {ipv4_address: 192.0.2.10, ipv6_address: "2001:db8::10"}
                      back: {}
                networks:
                  front: {driver_opts: {com.docker.network.bridge.name: br-x}}
                  back: {}
                """);
        ComposeModel model = ModelReader.read(load(Map.of(), file));
        ServiceSpecs specs = new ServiceSpecs(model);
        ComposeModel.Service app = model.services().get("app");
        var extras = specs.extras(app, 1);
        assertEquals(List.of("8080", "9000/udp", "9001/udp", "7000/tcp", "7001/tcp"), extras.exposedPorts(),
                "as written; a range port by port");
        assertEquals(null, extras.logDriver(), "no driver: the engine's default, with the options");
        assertEquals(Map.of("max-size", "1m"), extras.logOptions());
        assertEquals(List.of(new CreateExtras.Device("/dev/null", "/dev/null", "rwm"),
                new CreateExtras.Device("/dev/zero", "/dev/z", "r")), extras.devices());
        assertEquals(List.of("ndots:2"), extras.dnsOptions());
        assertEquals(32L << 20, extras.memoryReservation(), "mem_reservation and deploy's reservation (equal, or Compose rejects the file)");
        assertEquals(java.time.Duration.ofSeconds(2), extras.healthStartInterval());
        String p = model.project();
        assertEquals(List.of(p + "-db-1:database", p + "-db-1:db-1", p + "-db-1:" + p + "-db-1",
                p + "-db-2:database", p + "-db-2:db-1", p + "-db-2:" + p + "-db-1",
                p + "-db-1:db", p + "-db-1:db-1", p + "-db-1:" + p + "-db-1",
                p + "-db-2:db", p + "-db-2:db-1", p + "-db-2:" + p + "-db-1"), extras.endpoint().links(),
                "Compose's three names per linked container, numbered as the linking container");
        assertEquals("192.0.2.10", extras.endpoint().ipv4Address(), "the network the container is created on");
        assertEquals("2001:db8::10", extras.endpoint().ipv6Address());
        var back = specs.endpoint(app, "back", 1);
        assertEquals(null, back.ipv4Address(), "the engine picks");
        assertEquals(extras.endpoint().links(), back.links(), "links on every network, as Compose sets them");
        assertEquals(Map.of("com.docker.network.bridge.name", "br-x"), model.networks().get("front").driverOpts());
    }

    @Test
    void engineKeysBerthStillCannotRunFailNamingTheKey() throws Exception {
        var gpu = invalid("services:\n  web:\n    image: nginx\n    deploy:\n      resources:\n        reservations:\n"
                + "          devices: [{capabilities: [gpu]}]\n");
        assertEquals("services.web.deploy.resources.reservations.devices", gpu.keyPath());
        assertTrue(gpu.getMessage().contains("Berth cannot run it"), gpu.getMessage());
        var cdi = invalid("services:\n  web:\n    image: nginx\n    devices: [\"vendor.com/gpu=all\"]\n");
        assertEquals("services.web.devices[0]", cdi.keyPath());
        var linkedHost = invalid("services:\n  db:\n    image: nginx\n  web:\n    image: nginx\n"
                + "    network_mode: host\n    links: [db]\n");
        assertEquals("services.web.links", linkedHost.keyPath());
    }

    @Test
    void distinctMemoryReservationsAreRejectedAsComposeDoes() throws Exception {
        var both = invalid("services:\n  web:\n    image: nginx\n    mem_reservation: 16m\n    deploy:\n"
                + "      resources: {reservations: {memory: 32m}}\n");
        assertEquals("services.web.mem_reservation", both.keyPath());
        assertTrue(both.getMessage().contains("deploy.resources.reservations.memory"), both.getMessage());
    }
}
