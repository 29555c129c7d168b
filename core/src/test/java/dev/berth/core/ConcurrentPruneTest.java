package dev.berth.core;

import dev.berth.Prune;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The engine runs one prune of a kind at a time and refuses a second with 409 "a prune operation is already
 * running". Programs that each prune only their own objects (two tours, two test suites) must not fail on that.
 */
class ConcurrentPruneTest extends EngineTest {
    @Test
    void prunesAtTheSameTimeAllSucceed() throws Exception {
        Prune nothingOfAnyone = Prune.everything().withLabel("dev.berth.test.prune", UUID.randomUUID().toString());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> prunes = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                prunes.add(pool.submit(() -> docker.system().prune(nothingOfAnyone)));
            }
            int done = 0;
            for (Future<?> prune : prunes) {
                prune.get(3, TimeUnit.MINUTES); // throws if a prune failed
                done++;
            }
            assertEquals(24, done);
        } finally {
            pool.shutdownNow();
        }
    }
}
