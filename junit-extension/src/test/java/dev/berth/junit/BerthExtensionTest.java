package dev.berth.junit;

import dev.berth.ContainerFilter;
import dev.berth.ContainerSpec;
import dev.berth.Docker;
import dev.berth.ImageNotFoundException;
import dev.berth.Wait;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

/** Runs sample test classes through JUnit itself, then checks what they saw and what they left behind. */
class BerthExtensionTest {
    static final Set<String> INSTANCE_IDS = ConcurrentHashMap.newKeySet();

    @DockerTest
    static class Sample {
        static final ManagedContainer WEB = ManagedContainer.of(ContainerSpec.of("nginx:1.22")
                .label(TestSupport.RUN_LABEL, TestSupport.RUN).publish(80)
                .waitFor(Wait.http(80, "/")));
        static final ManagedContainer CACHE = ManagedContainer.of(ContainerSpec.of("redis:7")
                .label(TestSupport.RUN_LABEL, TestSupport.RUN)
                .publish(6379).waitFor(Wait.log("Ready to accept connections")));
        final ManagedContainer scratch = ManagedContainer.of(ContainerSpec.of("busybox:1.36").command("sleep", "300")
                .label(TestSupport.RUN_LABEL, TestSupport.RUN));

        @Test
        void staticContainersServe(Docker docker) throws Exception {
            String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://"
                    + WEB.host() + ":" + WEB.hostPort(80) + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(page.contains("Welcome to nginx!"));
            assertEquals("127.0.0.1", WEB.container().inspect().ports().get(0).hostIp(), "loopback by default");
            assertTrue(CACHE.exec("redis-cli", "ping").stdout().contains("PONG"));
            assertEquals(docker.containers().get(WEB.container().id()).id(), WEB.container().id());
            INSTANCE_IDS.add(scratch.container().id());
        }

        @Test
        void instanceContainerIsFreshForEachTest() {
            assertTrue(scratch.exec("true").succeeded());
            INSTANCE_IDS.add(scratch.container().id());
        }
    }

    @DockerTest
    static class BrokenSpec {
        static final ManagedContainer FINE = ManagedContainer.of(ContainerSpec.of("busybox:1.36")
                .command("sleep", "300").label(TestSupport.RUN_LABEL, TestSupport.RUN));
        static final ManagedContainer MISSING = ManagedContainer.of(ContainerSpec.of("berth-no-such-image:1"));

        @Test
        void neverRuns() {
        }
    }

    @Test
    void containersStartForTheClassAndEachTestAndAreRemovedAfter() {
        INSTANCE_IDS.clear();
        var results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Sample.class)).execute();
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0));
        assertEquals(2, INSTANCE_IDS.size(), "a new instance container per test: " + INSTANCE_IDS);
        assertNothingLeft(Sample.class);
        assertTrue(!Sample.WEB.isRunning() && !Sample.CACHE.isRunning());
    }

    @Test
    void aContainerThatCannotStartFailsTheClassAndTheOthersAreRemoved() {
        var results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BrokenSpec.class)).execute();
        results.containerEvents().assertThatEvents().haveExactly(1,
                finishedWithFailure(instanceOf(ImageNotFoundException.class)));
        results.testEvents().assertStatistics(s -> s.started(0));
        assertNothingLeft(BrokenSpec.class);
    }

    private static void assertNothingLeft(Class<?> testClass) {
        try (Docker docker = Docker.connect()) {
            List<?> left = docker.containers().list(ContainerFilter.all().label(BerthExtension.TEST_LABEL,
                    testClass.getName()).label(TestSupport.RUN_LABEL, TestSupport.RUN));
            assertEquals(List.of(), left);
            assertNotEquals(null, docker);
        }
    }
}
