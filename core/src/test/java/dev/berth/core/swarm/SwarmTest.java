package dev.berth.core.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.InvalidSpecException;
import dev.berth.JoinTokens;
import dev.berth.NodeInfo;
import dev.berth.Secret;
import dev.berth.SwarmInfo;
import dev.berth.SwarmObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwarmTest extends SwarmEngineTest {

    @Test
    void inspectShowsAOneManagerSwarm() {
        SwarmInfo info = docker.swarm().inspect();
        assertFalse(info.id().isEmpty());
        assertEquals(1, info.managers());
        assertEquals(1, info.nodes());
        assertEquals("127.0.0.1", info.nodeAddress());
        assertTrue(docker.swarm().isActive());
    }

    @Test
    void aManagerIsNotLetGoWithoutForce() {
        var e = assertThrows(dev.berth.ConflictException.class, () -> docker.swarm().leave());
        assertTrue(e.getMessage().contains("manager") && e.getMessage().contains("forceLeave()"), e.getMessage());
        assertTrue(docker.swarm().isActive(), "still in the swarm");
    }

    @Test
    void nodesListInspectLabelsAndAvailability() {
        NodeInfo self = docker.swarm().nodes().get(0);
        assertEquals(NodeInfo.Role.MANAGER, self.role());
        assertEquals(NodeInfo.Availability.ACTIVE, self.availability());
        assertEquals("ready", self.state());
        assertTrue(self.leader());
        assertEquals(self.id(), docker.swarm().node(self.hostname()).id(), "by hostname too");

        NodeInfo labelled = docker.swarm().label(self.id(), "zone", "a");
        assertEquals("a", labelled.labels().get("zone"));
        assertEquals("a", Cli.run("node", "inspect", "self", "--format", "{{index .Spec.Labels \"zone\"}}"),
                "the CLI sees the label");
        assertFalse(docker.swarm().removeLabel(self.id(), "zone").labels().containsKey("zone"));

        assertEquals(NodeInfo.Availability.DRAIN, docker.swarm().availability(self.id(),
                NodeInfo.Availability.DRAIN).availability());
        assertEquals("drain", Cli.run("node", "inspect", "self", "--format", "{{.Spec.Availability}}"));
        assertEquals(NodeInfo.Availability.ACTIVE, docker.swarm().availability(self.id(),
                NodeInfo.Availability.ACTIVE).availability());
    }

    @Test
    void joinTokensAreTheClisAndNeverPrinted() {
        JoinTokens tokens = docker.swarm().joinTokens();
        assertEquals(Cli.run("swarm", "join-token", "-q", "worker"), tokens.worker().reveal());
        assertEquals(Cli.run("swarm", "join-token", "-q", "manager"), tokens.manager().reveal());
        assertFalse(tokens.toString().contains(tokens.worker().reveal()), tokens.toString());
        assertTrue(tokens.worker().reveal().startsWith("SWMTKN-"));
    }

    @Test
    void secretsFromBytesFilesAndSecretValues(@TempDir Path dir) throws Exception {
        String a = unique("berth-sa-");
        String b = unique("berth-sb-");
        String c = unique("berth-sc-");
        Path file = Files.writeString(dir.resolve("pw.txt"), "from-a-file");
        try {
            SwarmObject fromBytes = docker.swarm().secrets().create(a, "b-y-t-e-s".getBytes(StandardCharsets.UTF_8),
                    Map.of("team", "x"));
            SwarmObject fromFile = docker.swarm().secrets().create(b, file);
            SwarmObject fromSecret = docker.swarm().secrets().create(c, Secret.of("hunter2-value"));
            assertEquals("x", fromBytes.labels().get("team"));
            assertEquals("true", fromBytes.labels().get("dev.berth.managed"));
            assertTrue(docker.swarm().secrets().list().stream().map(SwarmObject::name).toList()
                    .containsAll(java.util.List.of(a, b, c)));
            assertEquals(fromFile.id(), docker.swarm().secrets().find(b).orElseThrow().id());
            assertFalse(fromSecret.toString().contains("hunter2"), "a secret's value is never printed");
            assertTrue(Cli.run("secret", "ls", "--format", "{{.Name}}").contains(c), "the CLI lists them");
            docker.swarm().secrets().remove(a);
            assertTrue(docker.swarm().secrets().find(a).isEmpty());
        } finally {
            for (String name : new String[] {a, b, c}) {
                docker.swarm().secrets().find(name).ifPresent(s -> docker.swarm().secrets().remove(s.id()));
            }
        }
    }

    @Test
    void secretErrorsNameTheSizeNotTheValue() {
        var e = assertThrows(InvalidSpecException.class, () -> docker.swarm().secrets().create(unique("berth-big-"),
                new byte[600 * 1024], Map.of()));
        assertTrue(e.getMessage().contains("614400 bytes"), e.getMessage());
        assertThrows(InvalidSpecException.class, () -> docker.swarm().secrets().create("bad name!",
                Secret.of("x")));
    }

    @Test
    void configsCreateListAndRemove(@TempDir Path dir) throws Exception {
        String name = unique("berth-cfg-");
        Path file = Files.writeString(dir.resolve("app.conf"), "key=value\n");
        SwarmObject config = docker.swarm().configs().create(name, file);
        try {
            assertEquals(name, config.name());
            assertEquals("key=value\n", Cli.run("config", "inspect", name, "--format", "{{printf \"%s\" .Spec.Data}}")
                    + "\n");
            assertTrue(docker.swarm().configs().list().stream().anyMatch(o -> o.name().equals(name)));
        } finally {
            docker.swarm().configs().remove(name);
        }
        assertTrue(docker.swarm().configs().find(name).isEmpty());
    }
}
