package dev.berth.core.internal.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SshCommandTest {
    private final SshDestination box = SshDestination.parse("ssh://me@box:2222", "test");

    @Test
    void dialStdioPutsTheUsersOptionsFirstSoTheyWinAndRunsTheDockerCLIsCommand() {
        var command = new SshCommand(Path.of("/usr/bin/ssh"), List.of("-F", "/cfg", "-o", "BatchMode=no"), box,
                Path.of("/tmp/x/mux"), Duration.ofMillis(4500));
        assertEquals(List.of("/usr/bin/ssh", "-F", "/cfg", "-o", "BatchMode=no", "-o", "BatchMode=yes",
                "-o", "ConnectTimeout=5", "-o", "ControlMaster=no", "-o", "ControlPath=/tmp/x/mux", "-T",
                "-l", "me", "-p", "2222", "--", "box", "docker", "system", "dial-stdio"), command.dialStdio());
    }

    @Test
    void withoutUserOrPortSshDecidesThem() {
        var command = new SshCommand(Path.of("ssh"), List.of(), SshDestination.parse("ssh://alias", "test"), null,
                Duration.ofSeconds(5));
        assertEquals(List.of("ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5", "-T", "--", "alias",
                "docker", "system", "dial-stdio"), command.dialStdio());
    }

    @Test
    void theMasterAuthenticatesThenPersistsInTheBackground() {
        var command = new SshCommand(Path.of("ssh"), List.of(), box, Path.of("/d/mux"), Duration.ofSeconds(5));
        List<String> master = command.master();
        assertTrue(master.containsAll(List.of("ControlMaster=yes", "ControlPath=/d/mux", "ControlPersist=60", "-N")),
                master.toString());
        assertEquals(List.of("--", "box"), master.subList(master.size() - 2, master.size()));
        assertTrue(command.exitMaster().containsAll(List.of("-O", "exit", "ControlPath=/d/mux")));
    }

    @Test
    void usersWhoConfigureMultiplexingThemselvesKeepIt() {
        assertTrue(SshCommand.userControlsMultiplexing(List.of("-o", "ControlMaster=no")));
        assertTrue(SshCommand.userControlsMultiplexing(List.of("-oControlPath=none")));
        assertFalse(SshCommand.userControlsMultiplexing(List.of("-F", "/cfg")));
    }

    @Test
    void ipv6HostsLoseTheirBrackets() {
        assertEquals("::1", SshDestination.parse("ssh://me@[::1]:22", "test").host());
        assertEquals(-1, SshDestination.parse("ssh://box", "test").port());
    }
}
