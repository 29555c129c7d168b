package dev.berth.junit;

import dev.berth.ContainerSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per class, shared across classes, and fixed names, under parallel classes: the bug report's base-class static
 * container (the second class's start overwrote the first, one leaked, the first class's close stopped the
 * second's container) is the first case here.
 */
class LifecycleTest {
    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    static final Set<String> ALL = ConcurrentHashMap.newKeySet();
    static CyclicBarrier together = new CyclicBarrier(2);
    static CountDownLatch firstClassDone = new CountDownLatch(1);

    static ContainerSpec sleeper() {
        return ContainerSpec.of(TestSupport.BUSYBOX).command("sleep", "300")
                .label(TestSupport.RUN_LABEL, TestSupport.RUN);
    }

    /** A static field in a base class, not marked shared: every class that uses it counts as a user. */
    abstract static class Base {
        static final ManagedContainer BASE = ManagedContainer.of(sleeper());
    }

    @DockerTest
    static class FirstOfBase extends Base {
        @Test
        void usesTheBaseContainer() throws Exception {
            SEEN.add(BASE.container().id());
            together.await(60, TimeUnit.SECONDS); // both classes hold it now
        }

        @AfterAll
        static void done() {
            firstClassDone.countDown();
        }
    }

    @DockerTest
    static class SecondOfBase extends Base {
        @Test
        void keepsItAfterTheOtherClassEnded() throws Exception {
            SEEN.add(BASE.container().id());
            together.await(60, TimeUnit.SECONDS);
            assertTrue(firstClassDone.await(60, TimeUnit.SECONDS));
            Thread.sleep(1000); // the first class's scope closes right after its @AfterAll
            assertTrue(BASE.container().inspect().running(), "the first class's end must not stop it");
            assertTrue(BASE.exec("true").succeeded());
        }
    }

    @Test
    void aBaseClassStaticUsedByTwoParallelClassesStartsOnceAndIsRemovedAfterTheLast() {
        SEEN.clear();
        together = new CyclicBarrier(2);
        firstClassDone = new CountDownLatch(1);
        var results = TestSupport.run(TestSupport.parallel(), FirstOfBase.class, SecondOfBase.class);
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertEquals(2, SEEN.size());
        assertEquals(SEEN.get(0), SEEN.get(1), "one container for both classes");
        TestSupport.assertGone(SEEN);
        TestSupport.assertNoneLabelled(BerthExtension.TEST_LABEL, FirstOfBase.class.getName());
        TestSupport.assertNoneLabelled(BerthExtension.TEST_LABEL, SecondOfBase.class.getName());
    }

    @Test
    void runOneAfterTheOtherABaseClassStaticIsPerClass() {
        SEEN.clear();
        together = new CyclicBarrier(1);
        firstClassDone = new CountDownLatch(0);
        TestSupport.run(FirstOfBase.class, SecondOfBase.class).testEvents().assertStatistics(s -> s.succeeded(2));
        assertNotEquals(SEEN.get(0), SEEN.get(1), "a static field is per class: a new container for each class");
        TestSupport.assertGone(SEEN);
    }

    /** A holder: the shared container is declared once, and test classes point at it. */
    static final class Holder {
        static final ManagedContainer SHARED = ManagedContainer.of(sleeper()).shared();
    }

    @DockerTest
    static class FirstShared {
        static final ManagedContainer DB = Holder.SHARED;

        @Test
        void uses() {
            SEEN.add(DB.container().id());
            ALL.add(DB.container().id());
        }
    }

    @DockerTest
    static class SecondShared {
        static final ManagedContainer DB = Holder.SHARED;

        @Test
        void uses() {
            SEEN.add(DB.container().id());
        }
    }

    /** A shared field in a base class works the same way. */
    abstract static class SharedBase {
        static final ManagedContainer SHARED_IN_BASE = ManagedContainer.of(sleeper()).shared();
    }

    @DockerTest
    static class ThirdShared extends SharedBase {
        @Test
        void uses() {
            SEEN.add(SHARED_IN_BASE.container().id());
        }
    }

    @DockerTest
    static class FourthShared extends SharedBase {
        @Test
        void uses() {
            SEEN.add(SHARED_IN_BASE.container().id());
        }
    }

    @Test
    void aSharedContainerStartsOnceForTheRunAndIsRemovedWhenTheRunEnds() {
        for (Map<String, String> mode : List.of(Map.<String, String>of(), TestSupport.parallel())) {
            SEEN.clear();
            TestSupport.run(mode, FirstShared.class, SecondShared.class).testEvents()
                    .assertStatistics(s -> s.succeeded(2));
            assertEquals(SEEN.get(0), SEEN.get(1), "one container for the whole run (" + mode + ")");
            TestSupport.assertGone(SEEN);
            TestSupport.assertNoneLabelled(BerthExtension.TEST_LABEL, Holder.class.getName());
            assertTrue(!Holder.SHARED.isRunning());

            SEEN.clear();
            TestSupport.run(mode, ThirdShared.class, FourthShared.class).testEvents()
                    .assertStatistics(s -> s.succeeded(2));
            assertEquals(SEEN.get(0), SEEN.get(1));
            TestSupport.assertGone(SEEN);
        }
    }

    @DockerTest
    static class SharedInstanceField {
        final ManagedContainer notStatic = ManagedContainer.of(sleeper()).shared();

        @Test
        void neverRuns() {
        }
    }

    @Test
    void aSharedInstanceFieldIsRefusedWithTheFix() {
        TestSupport.run(SharedInstanceField.class).testEvents().assertThatEvents().haveExactly(1,
                org.junit.platform.testkit.engine.EventConditions.finishedWithFailure(
                        org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf(
                                org.junit.jupiter.api.extension.ExtensionConfigurationException.class),
                        org.junit.platform.testkit.engine.TestExecutionResultConditions.message(
                                m -> m.contains("notStatic") && m.contains("declare it static"))));
        TestSupport.assertNoneLabelled(BerthExtension.TEST_LABEL, SharedInstanceField.class.getName());
    }

    static final String FIXED = "berth-fixed-" + UUID.randomUUID().toString().substring(0, 8);

    @DockerTest
    static class FixedNameA {
        static final ManagedContainer NAMED = ManagedContainer.of(sleeper().name(FIXED));

        @Test
        void uses() {
            SEEN.add(NAMED.container().id());
        }
    }

    @DockerTest
    static class FixedNameB {
        static final ManagedContainer NAMED = ManagedContainer.of(sleeper().name(FIXED));

        @Test
        void uses() {
            SEEN.add(NAMED.container().id());
        }
    }

    @DockerTest
    static class FixedNamePerTest {
        final ManagedContainer named = ManagedContainer.of(sleeper().name(FIXED));

        @Test
        void one() {
            SEEN.add(named.container().id());
        }

        @Test
        void two() {
            SEEN.add(named.container().id());
        }
    }

    @Test
    void aFixedNameIsTakenInTurnsNotRaced() {
        SEEN.clear();
        var results = TestSupport.run(TestSupport.parallel(), FixedNameA.class, FixedNameB.class,
                FixedNamePerTest.class);
        results.testEvents().assertStatistics(s -> s.started(4).succeeded(4));
        assertEquals(4, Set.copyOf(SEEN).size(), "each scope its own container, one after the other: " + SEEN);
        TestSupport.assertGone(SEEN);
    }
}
