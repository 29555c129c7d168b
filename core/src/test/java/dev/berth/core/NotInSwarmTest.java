package dev.berth.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.NotInSwarmException;
import org.junit.jupiter.api.Test;

/** Runs as an ordinary engine test (shared lock): no swarm test can have the engine in swarm mode meanwhile. */
class NotInSwarmTest extends EngineTest {

    @Test
    void swarmCallsOnAnEngineOutsideASwarmSaySoAndHowToFixIt() {
        assertFalse(docker.swarm().isActive());
        var e = assertThrows(NotInSwarmException.class, () -> docker.swarm().inspect());
        assertTrue(e.getMessage().contains("swarm init"), e.getMessage());
        assertThrows(NotInSwarmException.class, () -> docker.swarm().services().list());
        assertThrows(NotInSwarmException.class, () -> docker.swarm().secrets().list());
        assertThrows(NotInSwarmException.class, () -> docker.swarm().leave());
        assertThrows(NotInSwarmException.class, () -> docker.swarm().forceLeave());
        assertThrows(NotInSwarmException.class, () -> docker.stacks().deployedNames());
    }
}
