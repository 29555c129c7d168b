package dev.berth.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.Container;
import dev.berth.ContainerSettings;
import dev.berth.ContainerSpec;
import dev.berth.Protocol;
import dev.berth.PublishedPort;
import dev.berth.RestartPolicy;
import dev.berth.Volume;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code inspect().settings()} reports what {@code docker inspect} shows: a container run with the seed's §11
 * settings (non-root user, limits, restart policy, read-only root, dropped capability, a volume, a port) reads back
 * field by field, and every field equals what the docker CLI's {@code docker inspect} prints for the same container.
 * A second container, made by the CLI with the flags Berth's spec has no setter for (--init, --ulimit,
 * --security-opt, --privileged, --tmpfs), checks that those are read too.
 */
class InspectSettingsTest extends EngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void section11SettingsReadBackAsDockerInspectShowsThem() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        try (Volume data = docker.volumes().create("berth-inspect-" + suffix);
             Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX)
                     .command("sleep", "300")
                     .user("1000:1000")
                     .memory("64m")
                     .cpus(0.5)
                     .pidsLimit(50)
                     .restart(RestartPolicy.onFailure(3))
                     .readOnlyRootfs()
                     .capDrop("NET_RAW")
                     .capAdd("CHOWN")
                     .mount(data, "/data")
                     .publish(80)
                     .tmpfs("/scratch")
                     .env("APP_MODE", "test"))) {
            ContainerSettings s = c.inspect().settings();

            assertEquals("1000:1000", s.user());
            assertEquals(64L * 1024 * 1024, s.memoryBytes());
            assertEquals(0.5, s.cpus());
            assertEquals(50, s.pidsLimit());
            assertEquals(RestartPolicy.onFailure(3), s.restartPolicy());
            assertTrue(s.readOnlyRootfs());
            assertTrue(s.capDrop().stream().anyMatch(cap -> cap.endsWith("NET_RAW")), s.capDrop().toString());
            assertTrue(s.capAdd().stream().anyMatch(cap -> cap.endsWith("CHOWN")), s.capAdd().toString());
            ContainerSettings.MountPoint mount = s.mounts().stream().filter(m -> m.destination().equals("/data"))
                    .findFirst().orElseThrow(() -> new AssertionError("no /data mount in " + s.mounts()));
            assertEquals("volume", mount.type());
            assertEquals(data.name(), mount.name());
            assertTrue(mount.readWrite());
            assertEquals(List.of(new PublishedPort(80, Protocol.TCP, "127.0.0.1", 0)), s.portBindings(),
                    "Berth binds 127.0.0.1 and lets the engine choose the port");
            assertEquals("test", s.env().get("APP_MODE"));
            assertTrue(s.env().containsKey("PATH"), "the image's variables are part of the engine's env");
            // Berth's tmpfs(...) is a mount of type tmpfs (like --mount type=tmpfs); --tmpfs fills tmpfs() instead
            assertTrue(s.mounts().stream().anyMatch(m -> m.type().equals("tmpfs") && m.destination().equals("/scratch")),
                    s.mounts().toString());
            assertFalse(s.privileged());

            assertSameAsCli(s, cli("inspect", c.id()));
        }
    }

    @Test
    void settingsTheSpecCannotSetAreReadToo(@TempDir Path hostDir) {
        String name = "berth-inspect-cli-" + UUID.randomUUID().toString().substring(0, 8);
        cli("create", "--name", name, "--init", "--ulimit", "nofile=1024:2048", "--security-opt", "no-new-privileges",
                "--tmpfs", "/run:size=1m", "--restart", "unless-stopped", "-v", hostDir + ":/x:ro",
                TestImages.BUSYBOX, "true");
        try {
            ContainerSettings s = docker.containers().get(name).inspect().settings();
            assertEquals(Boolean.TRUE, s.init());
            assertEquals(List.of(new ContainerSettings.Ulimit("nofile", 1024, 2048)), s.ulimits());
            assertEquals(List.of("no-new-privileges"), s.securityOptions());
            assertEquals(Map.of("/run", "size=1m"), s.tmpfs());
            assertEquals(RestartPolicy.UNLESS_STOPPED, s.restartPolicy());
            ContainerSettings.MountPoint bind = s.mounts().get(0);
            assertEquals("bind", bind.type());
            assertNull(bind.name());
            assertEquals(hostDir.toString(), bind.source());
            assertFalse(bind.readWrite());
            assertEquals(0, s.memoryBytes());
            assertEquals(0, s.pidsLimit());
            assertEquals(RestartPolicy.UNLESS_STOPPED, s.restartPolicy());

            assertSameAsCli(s, cli("inspect", name));
        } finally {
            cli("rm", "-f", name);
        }
    }

    @Test
    void noLimitsReadAsZeroAndNoPolicyAsNo() {
        try (Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX).command("sleep", "300"))) {
            ContainerSettings s = c.inspect().settings();
            assertEquals("", s.user());
            assertEquals(0, s.memoryBytes());
            assertEquals(0, s.nanoCpus());
            assertEquals(0, s.pidsLimit());
            assertEquals(RestartPolicy.NO, s.restartPolicy());
            assertFalse(s.readOnlyRootfs());
            assertEquals(List.of(), s.capAdd());
            assertEquals(List.of(), s.mounts());
            assertSameAsCli(s, cli("inspect", c.id()));
        }
    }

    /** Every field against the CLI's JSON for the same container. */
    private static void assertSameAsCli(ContainerSettings s, String inspectJson) {
        JsonNode c;
        try {
            c = JSON.readTree(inspectJson).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode host = c.get("HostConfig");
        assertEquals(c.get("Config").get("User").asText(), s.user());
        assertEquals(host.get("Memory").asLong(), s.memoryBytes());
        assertEquals(host.get("NanoCpus").asLong(), s.nanoCpus());
        assertEquals(host.get("CpuShares").asLong(), s.cpuShares());
        assertEquals(Math.max(0, host.path("PidsLimit").asLong(0)), s.pidsLimit());
        String policy = host.get("RestartPolicy").get("Name").asText();
        assertEquals(policy.isEmpty() ? "no" : policy, s.restartPolicy().name());
        assertEquals(host.get("RestartPolicy").get("MaximumRetryCount").asInt(), s.restartPolicy().maxRetries());
        assertEquals(host.get("ReadonlyRootfs").asBoolean(), s.readOnlyRootfs());
        assertEquals(texts(host.get("CapAdd")), s.capAdd());
        assertEquals(texts(host.get("CapDrop")), s.capDrop());
        assertEquals(host.get("Privileged").asBoolean(), s.privileged());
        assertEquals(host.get("Init") == null || host.get("Init").isNull() ? null : host.get("Init").asBoolean(),
                s.init());
        assertEquals(host.get("NetworkMode").asText(), s.networkMode());
        assertEquals(texts(host.get("SecurityOpt")), s.securityOptions());
        Map<String, String> tmpfs = new LinkedHashMap<>();
        host.path("Tmpfs").fields().forEachRemaining(e -> tmpfs.put(e.getKey(), e.getValue().asText()));
        assertEquals(tmpfs, s.tmpfs());
        List<ContainerSettings.Ulimit> ulimits = new ArrayList<>();
        host.path("Ulimits").forEach(u -> ulimits.add(new ContainerSettings.Ulimit(u.get("Name").asText(),
                u.get("Soft").asLong(), u.get("Hard").asLong())));
        assertEquals(ulimits, s.ulimits());
        List<String> env = texts(c.get("Config").get("Env"));
        assertEquals(env, s.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        List<String> mounts = new ArrayList<>();
        c.path("Mounts").forEach(m -> mounts.add(m.get("Type").asText() + "|" + m.path("Name").asText("") + "|"
                + m.get("Source").asText() + "|" + m.get("Destination").asText() + "|" + m.get("Mode").asText() + "|"
                + m.get("RW").asBoolean()));
        // the engine lists mounts in no fixed order (a Go map behind it): compare as sorted lists
        assertEquals(mounts.stream().sorted().toList(), s.mounts().stream().map(m -> m.type() + "|"
                + (m.name() == null ? "" : m.name()) + "|" + m.source() + "|" + m.destination() + "|" + m.mode() + "|"
                + m.readWrite()).sorted().toList());
        List<String> bindings = new ArrayList<>();
        host.path("PortBindings").fields().forEachRemaining(e -> e.getValue().forEach(b -> bindings.add(
                e.getKey() + "|" + b.get("HostIp").asText() + "|" + b.get("HostPort").asText())));
        assertEquals(bindings, s.portBindings().stream().map(p -> p.containerPort() + "/" + p.protocol().wireName()
                + "|" + p.hostIp() + "|" + (p.hostPort() == 0 ? "" : String.valueOf(p.hostPort()))).toList());
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> list.add(n.asText()));
        }
        return list;
    }

    /** The docker CLI on the engine DOCKER_HOST names, like Berth; stderr apart (engine warnings). */
    private static String cli(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        try {
            File errors = File.createTempFile("berth-cli", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectError(errors).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException(command + " failed: " + out + Files.readString(errors.toPath()));
                }
                return out;
            } finally {
                Files.deleteIfExists(errors.toPath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
