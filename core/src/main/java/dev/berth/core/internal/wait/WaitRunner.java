package dev.berth.core.internal.wait;

import dev.berth.ContainerStartupException;
import dev.berth.DockerException;
import dev.berth.Wait;
import dev.berth.WaitTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls a wait until it holds; fails at once if the container exits, or at the deadline with what it last saw. */
public final class WaitRunner {
    private static final Logger LOG = LoggerFactory.getLogger(WaitRunner.class);
    static final int LOG_LINES_ON_FAILURE = 50;

    private WaitRunner() {
    }

    public static void await(WaitTarget container, Wait wait) {
        long start = System.nanoTime();
        boolean exitIsTheGoal = WaitChecks.waitsForExit(wait);
        ExitWatch exit = container.watchExit();
        try (WaitCheck check = WaitChecks.of(container, wait, exit, start + wait.timeout().toNanos())) {
            while (true) {
                if (check.poll()) {
                    LOG.debug("{} ready ({}) after {} ms", container.label(), wait,
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                    return;
                }
                if (exit.exited() && !exitIsTheGoal) {
                    throw crashed(container, wait, exit.exitCode());
                }
                long now = System.nanoTime();
                if (now - check.deadline() > 0) {
                    throw timedOut(container, check, Duration.ofNanos(now - start));
                }
                long delay = Math.min(check.delayNanos(), check.deadline() - now);
                LockSupport.parkNanos(Math.max(delay, 1_000_000));
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new DockerException("Interrupted while waiting for " + container.label() + " (" + wait + ")");
                }
            }
        } finally {
            exit.closeQuietly();
        }
    }

    private static ContainerStartupException crashed(WaitTarget container, Wait wait, Integer exitCode) {
        boolean oom = false;
        boolean probablyOom = false;
        try {
            var state = container.inspect();
            oom = state.oomKilled();
            probablyOom = state.probablyOutOfMemory();
        } catch (DockerException gone) {
            // auto-removed containers are gone by now; the exit code still tells the story
        }
        String why = oom ? " (killed: out of memory; raise .memory(...))"
                : probablyOom ? " (killed by SIGKILL under a memory limit: probably out of memory, though the engine did"
                        + " not report an OOM kill; raise .memory(...))" : "";
        return new ContainerStartupException("Container " + container.label() + " exited with code " + exitCode
                + why + " while waiting for " + wait
                + ". Its logs below usually say why.", exitCode, oom || probablyOom, lastLines(container));
    }

    private static WaitTimeoutException timedOut(WaitTarget container, WaitCheck check, Duration waited) {
        return new WaitTimeoutException("Container " + container.label() + " is running but not ready after "
                + waited.toMillis() + " ms: waiting for " + check.describe() + "; last seen: " + check.progress()
                + ". Check the wait matches what the container does, or raise its timeout(...).",
                lastLines(container));
    }

    private static List<String> lastLines(WaitTarget container) {
        try {
            return container.logs().tail(LOG_LINES_ON_FAILURE).texts();
        } catch (DockerException gone) {
            return List.of();
        }
    }
}
