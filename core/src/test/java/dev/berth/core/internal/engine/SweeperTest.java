package dev.berth.core.internal.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.BerthLabels;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which labels make an object a leftover of a dead process. */
class SweeperTest {
    /** A process of this host that cannot be alive: a pid beyond any pid_max, so no process has it. */
    private static final String DEAD = new Owner(Owner.current().host(), 1L << 40, 1000).label();

    private static ObjectNode labels(String... pairs) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.put(pairs[i], pairs[i + 1]);
        }
        return node;
    }

    @Test
    void anObjectOfADeadProcessIsALeftover() {
        assertTrue(Sweeper.deadOwner(labels(Owner.LABEL, DEAD)));
    }

    @Test
    void anObjectMeantToOutliveItsProcessIsKept() {
        assertFalse(Sweeper.deadOwner(labels(Owner.LABEL, DEAD, BerthLabels.KEEP, "true")),
                "reused test containers outlive the JVM that started them");
    }

    @Test
    void liveForeignAndUnlabelledObjectsAreKept() {
        assertFalse(Sweeper.deadOwner(labels(Owner.LABEL, Owner.current().label())), "this process is alive");
        assertFalse(Sweeper.deadOwner(labels(Owner.LABEL, "other-host/1/1000")), "another host's process");
        assertFalse(Sweeper.deadOwner(labels()), "not made by Berth");
        assertFalse(Sweeper.deadOwner(labels(Owner.LABEL, "garbage")));
    }
}
