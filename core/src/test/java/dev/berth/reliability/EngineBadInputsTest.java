package dev.berth.reliability;

import dev.berth.Container;
import dev.berth.ContainerRemoval;
import dev.berth.ContainerSpec;
import dev.berth.ExecSpec;
import dev.berth.ImageNotFoundException;
import dev.berth.InvalidSpecException;
import dev.berth.NameConflictException;
import dev.berth.NetworkNotFoundException;
import dev.berth.PullPolicy;
import dev.berth.Wait;
import dev.berth.core.EngineTest;
import dev.berth.core.TestImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad inputs that need something on the engine to be bad: a handle to call with nulls, a name already taken, a
 * network or image that does not exist. Each gives its typed error and leaves the engine as it was.
 */
class EngineBadInputsTest extends EngineTest {
    /** How the five single tests below behaved before, in their order (the volume one lost data). */
    static final List<BadInputs.Before> TESTS_BEFORE = List.of(BadInputs.Before.DEFECT, BadInputs.Before.GOOD,
            BadInputs.Before.GOOD, BadInputs.Before.GOOD, BadInputs.Before.GOOD);
    private static Container sleeper;

    @BeforeAll
    static void startSleeper() {
        sleeper = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX).command("sleep", "300"));
    }

    @AfterAll
    static void removeSleeper() {
        sleeper.close();
    }

    /** Calls on a live handle whose argument is refused before any request (before: measured on commit 69be6eb). */
    record HandleCase(String input, BadInputs.Before before, Consumer<Container> action, String fragment) {
        @Override
        public String toString() {
            return input;
        }
    }

    static List<HandleCase> handleCases() {
        var poor = BadInputs.Before.POOR;
        var good = BadInputs.Before.GOOD;
        return List.of(
                new HandleCase("container.waitFor(null)", poor, c -> c.waitFor(null), "wait"),
                new HandleCase("container.exec((ExecSpec) null)", poor, c -> c.exec((ExecSpec) null), "exec spec"),
                new HandleCase("container.copyIn((Path) null, dir)", poor, c -> c.copyIn((Path) null, "/tmp"),
                        "host path"),
                new HandleCase("container.copyIn(bytes, \"relative\", 0644)", good,
                        c -> c.copyIn(new byte[1], "relative", 0644), "container path"),
                new HandleCase("container.copyOut(\"relative\", dir)", good,
                        c -> c.copyOut("relative", Path.of("x")), "container path"),
                new HandleCase("container.remove(null)", BadInputs.Before.NEW,
                        c -> c.remove((ContainerRemoval) null), "container removal"),
                // before: docker-java's IllegalArgumentException, wrapped as "Is the engine still running?"
                new HandleCase("container.stop(-1 s)", poor, c -> c.stop(Duration.ofSeconds(-1)), "stop timeout"),
                new HandleCase("container.rename(\"bad name\")", good, c -> c.rename("bad name"), "bad name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handleCases")
    void handleCallsRefuseBadArgumentsWithoutAskingTheEngine(HandleCase c) {
        long requests = docker.requestCount();
        var e = assertThrows(InvalidSpecException.class, () -> c.action().accept(sleeper));
        assertTrue(e.getMessage().contains(c.fragment()) && e.getMessage().contains("Fix: "), e.getMessage());
        assertEquals(requests, docker.requestCount());
    }

    @Test
    void aVolumeNameThatExistsIsAConflictAndTheVolumeKeepsItsData() {
        String name = "berth-bad-" + UUID.randomUUID().toString().substring(0, 8);
        var theirs = Cli.volumeWithFile(name, "/v/keep.txt", "their data");
        try {
            var e = assertThrows(NameConflictException.class, () -> docker.volumes().create(name));
            assertTrue(e.getMessage().contains(name) && e.getMessage().contains("getOrCreate"), e.getMessage());
            assertEquals("their data", Cli.readFromVolume(name, "/v/keep.txt"));
        } finally {
            theirs.run();
        }
    }

    @Test
    void aNetworkNameThatExistsIsAConflict() {
        String name = "berth-bad-" + UUID.randomUUID().toString().substring(0, 8);
        try (var existing = docker.networks().create(name)) {
            var e = assertThrows(NameConflictException.class, () -> docker.networks().create(name));
            assertTrue(e.getMessage().contains(name) && e.getMessage().contains("getOrCreate"), e.getMessage());
            assertEquals(existing.id(), docker.networks().get(name).id());
        }
    }

    @Test
    void aContainerNameThatExistsIsAConflictAndNothingIsAdded() {
        var e = assertThrows(NameConflictException.class,
                () -> docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX).name(sleeper.name())));
        assertTrue(e.getMessage().contains(sleeper.name()), e.getMessage());
        assertEquals(1, docker.containers().list(dev.berth.ContainerFilter.all()
                .label(dev.berth.BerthLabels.SESSION, docker.sessionId())).size());
    }

    @Test
    void aNetworkThatDoesNotExistLeavesNoContainer() {
        String missing = "berth-missing-" + UUID.randomUUID().toString().substring(0, 8);
        var e = assertThrows(NetworkNotFoundException.class,
                () -> docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX).network(missing)));
        assertTrue(e.getMessage().contains(missing), e.getMessage());
        assertEquals(1, docker.containers().list(dev.berth.ContainerFilter.all()
                .label(dev.berth.BerthLabels.SESSION, docker.sessionId())).size(), "only the sleeper");
    }

    @Test
    void aMissingImageWithPullNeverSaysSo() {
        var e = assertThrows(ImageNotFoundException.class, () -> docker.containers().run(
                ContainerSpec.of("berth-no-such-image:" + UUID.randomUUID().toString().substring(0, 8))
                        .pull(PullPolicy.NEVER).waitFor(Wait.port(80))));
        assertTrue(e.getMessage().contains("NEVER"), e.getMessage());
    }
}
