package dev.berth.core.internal.transport;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Texts captured from OpenSSH 9.2 and docker CLI 28.2 (the cases SshEngineTest cannot make on a live engine). */
class SshFailureTest {
    @Test
    void aRemoteEngineThatIsDownIsADialStdioFailureWithTheRemoteCommandToTry() {
        var e = new SshFailure("ssh docker system dial-stdio", 1, "failed to open the raw stream connection: dial unix"
                + " /var/run/docker.sock: connect: no such file or directory\n")
                .toException("ssh://me@box", "DOCKER_HOST", null);
        assertTrue(e.getMessage().contains("exited with 1:\n  failed to open the raw stream connection"),
                e.getMessage());
        assertTrue(e.getMessage().contains("`docker system dial-stdio` failed on the remote host"), e.getMessage());
        assertTrue(e.getMessage().contains("`ssh me@box docker version`"), e.getMessage());
        assertTrue(e.attempts().get(0).contains("no such file or directory"), e.attempts().toString());
    }

    @Test
    void aChangedHostKeyIsNotWavedThrough() {
        var e = new SshFailure("ssh (login)", 255, "@@@ WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! @@@\n"
                + "Host key verification failed.\n").toException("ssh://box", "settings", null);
        assertTrue(e.getMessage().contains("never turns host key checking off"), e.getMessage());
    }
}
