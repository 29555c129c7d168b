package dev.berth.core.internal.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PrunesTest {
    @Test
    void anotherPruneRunningIsWaitedOut() {
        AtomicInteger calls = new AtomicInteger();
        var answer = JsonNodeFactory.instance.objectNode();
        var result = Prunes.waitingForOthers(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("wrapped", new RuntimeException(
                        "Error response from daemon: a prune operation is already running"));
            }
            return answer;
        });
        assertSame(answer, result);
        assertEquals(3, calls.get());
    }

    @Test
    void otherErrorsAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> Prunes.waitingForOthers(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("invalid filter 'lable'");
        }));
        assertEquals(1, calls.get());
    }
}
