package dev.berth.junit;

import dev.berth.Container;
import dev.berth.ContainerFilter;
import dev.berth.Docker;
import dev.berth.Stack;
import dev.berth.StackSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A compose stack as a field: up and ready before the tests, services reachable, logged on failure, down after. */
class ManagedStackTest {
    static final Set<String> PROJECTS = ConcurrentHashMap.newKeySet();

    static Path shop() {
        try {
            return Path.of(ManagedStackTest.class.getResource("/stacks/shop/docker-compose.yml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @DockerTest
    static class ShopSample {
        static final ManagedStack SHOP = ManagedStack.of(StackSpec.fromCompose(shop()));

        @Test
        void servicesAreUpAndReachable(Stack stack) throws Exception {
            PROJECTS.add(stack.name());
            assertEquals(SHOP.stack().name(), stack.name(), "the Stack parameter is the field's stack");
            Container web = SHOP.service("web");
            String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://"
                    + web.host() + ":" + web.hostPort(80) + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(page.contains("Welcome to nginx!"));
            assertEquals(dev.berth.Health.HEALTHY, SHOP.service("cache").inspect().health(),
                    "ready means healthy where there is a health check");
            assertTrue(SHOP.service("cache").exec("redis-cli", "ping").stdout().contains("PONG"));
        }

        @Test
        void failsAndReportsEveryService() {
            PROJECTS.add(SHOP.stack().name());
            fail("on purpose");
        }
    }

    @Test
    void aStackIsUpForTheClassReportedOnFailureAndDownAfter() {
        PROJECTS.clear();
        var results = TestSupport.run(ShopSample.class);
        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
        assertEquals(1, PROJECTS.size(), "one stack for the class: " + PROJECTS);
        String project = PROJECTS.iterator().next();
        assertTrue(project.startsWith("shop-"), "a generated project name: " + project);
        Map<String, String> entries = TestSupport.entriesOf(results, "failsAndReportsEveryService");
        assertEquals(2, entries.size(), "both services: " + entries.keySet());
        assertTrue(entries.values().stream().anyMatch(v -> v.startsWith("image=redis:7 state=running")), "" + entries);
        assertTrue(entries.values().stream().anyMatch(v -> v.startsWith("image=nginx:1.22 state=running")), "" + entries);
        try (Docker docker = Docker.connect()) {
            assertEquals(List.of(), docker.containers().list(ContainerFilter.all()
                    .label("com.docker.compose.project", project)), "down after the class");
            assertEquals(List.of(), docker.networks().list(dev.berth.Filter.none()
                    .label("com.docker.compose.project", project)));
        }
    }

    @DockerTest
    static class PerTestStacks {
        final ManagedStack shop = ManagedStack.of(shop());

        @Test
        void one() {
            PROJECTS.add(shop.stack().name());
        }

        @Test
        void two() {
            PROJECTS.add(shop.stack().name());
        }
    }

    @Test
    void anInstanceFieldStackIsPerTestAndParallelTestsGetTheirOwnProjects() {
        PROJECTS.clear();
        TestSupport.run(TestSupport.parallel(), PerTestStacks.class).testEvents().assertStatistics(s -> s.succeeded(2));
        assertEquals(2, PROJECTS.size(), "" + PROJECTS);
        try (Docker docker = Docker.connect()) {
            for (String project : PROJECTS) {
                assertEquals(List.of(), docker.containers().list(ContainerFilter.all()
                        .label("com.docker.compose.project", project)));
            }
        }
    }

    static final String FIXED_PROJECT = "shop-fixed-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    static final java.util.List<String> STACK_IDS = new java.util.concurrent.CopyOnWriteArrayList<>();
    static final Set<String> CACHE_VOLUMES = ConcurrentHashMap.newKeySet();

    @DockerTest
    static class FixedProjectPerTest {
        final ManagedStack shop = ManagedStack.of(StackSpec.fromCompose(shop()).projectName(FIXED_PROJECT));

        @Test
        void one() {
            record();
        }

        @Test
        void two() {
            record();
        }

        private void record() {
            PROJECTS.add(shop.stack().name());
            STACK_IDS.add(shop.service("cache").id());
            // redis' image declares VOLUME /data: the engine makes an anonymous volume for each container
            shop.service("cache").inspect().settings().mounts().forEach(m -> CACHE_VOLUMES.add(m.name()));
        }
    }

    @Test
    void aFixedProjectNameIsTakenInTurnsByParallelTests() {
        PROJECTS.clear();
        STACK_IDS.clear();
        CACHE_VOLUMES.clear();
        TestSupport.run(TestSupport.parallel(), FixedProjectPerTest.class).testEvents()
                .assertStatistics(s -> s.succeeded(2));
        assertEquals(Set.of(FIXED_PROJECT), PROJECTS);
        assertEquals(2, Set.copyOf(STACK_IDS).size(), "one stack after the other: " + STACK_IDS);
        assertEquals(2, CACHE_VOLUMES.size(), "an anonymous /data volume per cache container: " + CACHE_VOLUMES);
        try (Docker docker = Docker.connect()) {
            assertEquals(List.of(), docker.containers().list(ContainerFilter.all()
                    .label("com.docker.compose.project", FIXED_PROJECT)));
            assertEquals(List.of(), CACHE_VOLUMES.stream().filter(v -> docker.volumes().find(v).isPresent()).toList(),
                    "the containers' anonymous volumes went with them (a fixed project keeps only named volumes)");
        }
    }
}
