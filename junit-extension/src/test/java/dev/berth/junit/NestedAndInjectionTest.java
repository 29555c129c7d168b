package dev.berth.junit;

import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.Docker;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** @Nested classes see the outer class's containers; Docker, containers and stacks come in as parameters. */
class NestedAndInjectionTest {
    static final Map<String, String> SEEN = new ConcurrentHashMap<>();
    static final Set<String> IDS = ConcurrentHashMap.newKeySet();

    static ContainerSpec sleeper() {
        return ContainerSpec.of(TestSupport.BUSYBOX).command("sleep", "300")
                .label(TestSupport.RUN_LABEL, TestSupport.RUN);
    }

    @DockerTest
    static class Outer {
        static final ManagedContainer OUTER_STATIC = ManagedContainer.of(sleeper());
        final ManagedContainer outerInstance = ManagedContainer.of(sleeper());

        @Test
        void outerTest(Docker docker) {
            assertNotNull(docker.version());
        }

        @Nested
        class Inner {
            final ManagedContainer innerInstance = ManagedContainer.of(sleeper());

            @Test
            void seesTheOuterContainers(@FromField("OUTER_STATIC") Container outerStatic,
                    @FromField("outerInstance") ManagedContainer outerField,
                    @FromField("innerInstance") Container inner) {
                assertTrue(OUTER_STATIC.container().inspect().running());
                assertTrue(outerInstance.container().inspect().running());
                assertSame(OUTER_STATIC.container(), outerStatic);
                assertSame(outerInstance, outerField);
                assertSame(innerInstance.container(), inner);
                SEEN.put("outer-static", outerStatic.id());
                IDS.add(outerStatic.id());
                IDS.add(outerInstance.container().id());
                IDS.add(inner.id());
            }

            @Nested
            class Deeper {
                @Test
                void stillSeesThem() {
                    assertEquals(SEEN.get("outer-static"), OUTER_STATIC.container().id(), "one outer container");
                    assertTrue(outerInstance.isRunning() && innerInstance.isRunning());
                }
            }
        }
    }

    @DockerTest
    static class Injection {
        static final ManagedContainer ONLY = ManagedContainer.of(sleeper());
        static String fromBeforeAll;

        Injection(Container only, Docker docker) {
            assertSame(ONLY.container(), only, "constructors see static containers");
            assertNotNull(docker);
        }

        @BeforeAll
        static void before(ManagedContainer only) {
            fromBeforeAll = only.container().id();
        }

        @Test
        void byType(Container container, ManagedContainer managed, Docker docker) {
            assertSame(ONLY, managed);
            assertSame(ONLY.container(), container);
            assertEquals(fromBeforeAll, container.id());
            assertEquals(container.id(), docker.containers().get(container.id()).id());
            IDS.add(container.id());
        }
    }

    @DockerTest
    static class Ambiguous {
        static final ManagedContainer A = ManagedContainer.of(sleeper());
        static final ManagedContainer B = ManagedContainer.of(sleeper());

        @Test
        void which(Container container) {
        }

        @Test
        void wrongName(@FromField("C") Container container) {
        }
    }

    @Test
    void nestedClassesSeeTheOuterClassContainers() {
        IDS.clear();
        EngineExecutionResults results = TestSupport.run(Outer.class);
        results.testEvents().assertStatistics(s -> s.started(3).succeeded(3));
        assertEquals(3, IDS.size());
        TestSupport.assertGone(IDS);
    }

    @Test
    void dockerContainersAndManagedContainersAreInjectedByType() {
        IDS.clear();
        TestSupport.run(Injection.class).testEvents().assertStatistics(s -> s.succeeded(1));
        TestSupport.assertGone(IDS);
    }

    @Test
    void twoCandidatesNeedAName() {
        var results = TestSupport.run(Ambiguous.class);
        results.testEvents().assertStatistics(s -> s.failed(2));
        results.testEvents().assertThatEvents()
                .haveExactly(1, finishedWithFailure(instanceOf(ParameterResolutionException.class),
                        message(m -> m.contains("could be any of [A, B]") && m.contains("@FromField(\"A\")"))))
                .haveExactly(1, finishedWithFailure(instanceOf(ParameterResolutionException.class),
                        message(m -> m.contains("No ManagedContainer field named 'C'"))));
        TestSupport.assertNoneLabelled(BerthExtension.TEST_LABEL, Ambiguous.class.getName());
    }
}
