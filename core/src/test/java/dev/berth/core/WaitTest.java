package dev.berth.core;

import dev.berth.BerthLabels;
import dev.berth.Container;
import dev.berth.ContainerFilter;
import dev.berth.ContainerSpec;
import dev.berth.ContainerStartupException;
import dev.berth.Wait;
import dev.berth.WaitTimeoutException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaitTest extends EngineTest {
    private static ContainerSpec shell(String script) {
        return ContainerSpec.of(TestImages.BUSYBOX).command("sh", "-c", script);
    }

    @Test
    void logTimesCountsMatchingLines() {
        try (Container c = docker.containers().run(shell("echo ready; sleep 0.3; echo ready; sleep 300")
                .waitFor(Wait.log("^ready$").times(2)))) {
            assertEquals(2, c.logs().all().texts().stream().filter("ready"::equals).count());
        }
    }

    /** Docker's port proxy accepts before anything listens; the wait must not be fooled by it. */
    @Test
    void portWaitIsNotFooledByTheProxy() {
        try (Container c = docker.containers().run(shell("sleep 1; echo serving; httpd -f -p 8000")
                .publish(8000).waitFor(Wait.port(8000)))) {
            assertTrue(c.logs().all().text().contains("serving"), "ready before the server started");
        }
    }

    @Test
    void httpStatusAndBodyPredicates() {
        try (Container c = docker.containers().run(shell(
                "mkdir -p /www && echo hello-berth > /www/index.html && sleep 0.5 && httpd -f -p 8000 -h /www")
                .publish(8000)
                .waitFor(Wait.http(8000, "/index.html").forBodyContaining("hello-berth"))
                .waitFor(Wait.http(8000, "/missing").forStatus(404)))) {
            assertTrue(c.exec("cat", "/www/index.html").stdout().contains("hello-berth"));
        }
    }

    @Test
    void exitedWaitsForTheEndWithoutTreatingItAsACrash() {
        try (Container c = docker.containers().run(shell("sleep 0.3; exit 3").waitFor(Wait.exited()))) {
            assertEquals(3, c.inspect().exitCode());
        }
    }

    @Test
    void anyOfAndAllOf() {
        try (Container c = docker.containers().run(shell("echo alpha; echo beta; sleep 300")
                .waitFor(Wait.anyOf(Wait.log("never-printed"), Wait.log("beta")))
                .waitFor(Wait.allOf(Wait.log("alpha"), Wait.log("beta"), Wait.exec("true"))))) {
            assertTrue(c.inspect().running());
        }
    }

    @Test
    void timeoutSaysWhatItWaitedForAndRemovesTheContainer() {
        String tag = UUID.randomUUID().toString();
        var e = assertThrows(WaitTimeoutException.class, () -> docker.containers().run(
                shell("echo still-booting; sleep 300").label("berth.test", tag)
                        .waitFor(Wait.log("never").timeout(Duration.ofMillis(700)))));
        assertTrue(e.getMessage().contains("log /never/"), e.getMessage());
        assertTrue(e.getMessage().contains("0 of 1 matching lines"), e.getMessage());
        assertTrue(e.lastLogLines().contains("still-booting"), e.lastLogLines().toString());
        assertNull(e.exitCode());
        assertEquals(0, docker.containers().list(ContainerFilter.all().label("berth.test", tag)).size(),
                "a failed run leaves nothing behind");
    }

    @Test
    void aContainerThatCrashesDuringItsWaitFailsAtOnceWithExitCodeAndLogs() {
        String tag = UUID.randomUUID().toString();
        var e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(ContainerStartupException.class,
                () -> docker.containers().run(shell("echo config missing >&2; exit 3").label("berth.test", tag)
                        .publish(80).waitFor(Wait.http(80, "/").timeout(Duration.ofMinutes(5))))));
        assertFalse(e instanceof WaitTimeoutException);
        assertEquals(3, e.exitCode());
        assertFalse(e.oomKilled());
        assertTrue(e.lastLogLines().contains("config missing"), e.lastLogLines().toString());
        assertTrue(e.getMessage().contains("exited with code 3"), e.getMessage());
        assertTrue(e.getMessage().contains("| config missing"), e.getMessage());
        assertEquals(0, docker.containers().list(ContainerFilter.all().label("berth.test", tag)).size());
    }

    @Test
    void outOfMemoryIsReported() {
        var e = assertThrows(ContainerStartupException.class, () -> docker.containers().run(
                shell("echo eating; tail /dev/zero").memory("8m").waitFor(Wait.log("never"))));
        assertTrue(e.oomKilled(), e.getMessage());
        assertEquals(137, e.exitCode());
        assertTrue(e.getMessage().contains("out of memory"), e.getMessage());
    }

    /**
     * Where the engine leaves OOMKilled false (seen on cgroup v2 hosts), a SIGKILL under a memory limit is reported as
     * probably out of memory; the same death without a limit is not. A shell exiting with 137 stands in for the kernel (PID 1 cannot SIGKILL itself).
     */
    @Test
    void sigkillUnderAMemoryLimitIsProbablyOutOfMemory() {
        var limited = assertThrows(ContainerStartupException.class, () -> docker.containers().run(
                shell("exit 137").memory("64m").waitFor(Wait.log("never"))));
        assertEquals(137, limited.exitCode());
        assertTrue(limited.oomKilled(), limited.getMessage());
        assertTrue(limited.getMessage().contains("probably out of memory"), limited.getMessage());

        var unlimited = assertThrows(ContainerStartupException.class, () -> docker.containers().run(
                shell("exit 137").waitFor(Wait.log("never"))));
        assertEquals(137, unlimited.exitCode());
        assertFalse(unlimited.oomKilled(), unlimited.getMessage());
        assertFalse(unlimited.getMessage().contains("memory"), unlimited.getMessage());
    }

    @Test
    void waitOnAnExistingHandle() {
        try (Container c = docker.containers().run(shell("sleep 0.2; echo late; sleep 300"))) {
            c.waitFor(Wait.log("late"));
            assertTrue(c.logs().all().text().contains("late"));
            assertTrue(c.inspect().labels().containsKey(BerthLabels.MANAGED));
        }
    }
}
