package dev.berth.reliability;

import dev.berth.ContainerSpec;
import dev.berth.Filter;
import dev.berth.ImagePrune;
import dev.berth.NetworkSpec;
import dev.berth.Prune;
import dev.berth.PruneReport;
import dev.berth.VolumeSpec;
import dev.berth.core.EngineTest;
import dev.berth.core.TestImages;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dockerd runs one prune of a kind at a time and answers another with HTTP 409 "a prune operation is already
 * running" (seen on 28.5 for every kind, on 20.10 for images: about 1 in 10 with six at once). A caller asked for a
 * prune, not a race: Berth waits the other one out. Every prune here is narrowed to a label only this test uses.
 */
class ConcurrentPruneTest extends EngineTest {
    private static final int THREADS = 6;
    private static final int ROUNDS = 4;

    @Test
    void racingPrunesOfEveryKindAllSucceedAndRemoveWhatTheyShould() throws Exception {
        String tag = UUID.randomUUID().toString();
        Filter mine = Filter.none().label("berth.test", tag);
        // something to remove for each kind, so the race is about real work
        docker.volumes().create(VolumeSpec.named("berth-prune-" + tag.substring(0, 8)).label("berth.test", tag));
        docker.networks().create(NetworkSpec.named("berth-prune-" + tag.substring(0, 8)).label("berth.test", tag));
        var stopped = docker.containers().create(ContainerSpec.of(TestImages.BUSYBOX).label("berth.test", tag));

        List<PruneReport> reports = new ArrayList<>();
        reports.addAll(race(() -> docker.containers().prune(mine)));
        reports.addAll(race(() -> docker.volumes().prune(mine)));
        reports.addAll(race(() -> docker.networks().prune(mine)));
        reports.addAll(race(() -> docker.images().prune(ImagePrune.dangling().withLabel("berth.test", tag))));
        reports.addAll(race(() -> docker.system().prune(Prune.everything().withLabel("berth.test", tag))));

        assertEquals(List.of(stopped.id()), removed(reports, PruneReport::containers));
        assertEquals(List.of("berth-prune-" + tag.substring(0, 8)), removed(reports, PruneReport::volumes));
        assertEquals(List.of("berth-prune-" + tag.substring(0, 8)), removed(reports, PruneReport::networks));
    }

    /** THREADS callers start each round together; none may fail. */
    private static List<PruneReport> race(Supplier<PruneReport> prune) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<PruneReport> reports = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                CyclicBarrier start = new CyclicBarrier(THREADS);
                List<Future<PruneReport>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    results.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return prune.get();
                    }));
                }
                for (Future<PruneReport> r : results) {
                    reports.add(r.get(2, TimeUnit.MINUTES)); // an ExecutionException here is the failure
                }
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> removed(List<PruneReport> reports,
            java.util.function.Function<PruneReport, List<String>> kind) {
        List<String> all = new ArrayList<>();
        reports.forEach(r -> all.addAll(kind.apply(r)));
        assertTrue(all.stream().distinct().count() == all.size(), "removed twice: " + all);
        return all;
    }
}
