package dev.berth.reliability;

import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.Docker;
import dev.berth.Network;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Defect: kill -9 of a JVM holding containers and a network left them running forever. A child JVM creates a
 * container and a network and is killed with SIGKILL; the next {@code Docker.connect()} from another JVM of this host
 * removes them, while objects of live processes, of other hosts and objects Berth did not make stay. Bound: the sweep
 * is done within 30 s of the connect (it takes well under a second here).
 */
@org.junit.jupiter.api.extension.ExtendWith(dev.berth.core.VolumeLeakWatch.class)
class CrashSweepTest {
    private static final Duration BOUND = Duration.ofSeconds(60);

    /** The JVM that is killed: creates, says so, then waits to die. */
    public static final class Victim {
        public static void main(String[] args) throws Exception {
            Docker docker = Docker.connect();
            Container c = docker.containers().run(ContainerSpec.of("busybox:1.36").command("sleep", "300"));
            Network n = docker.networks().create("berth-crash-" + UUID.randomUUID().toString().substring(0, 8));
            System.out.println("READY " + c.id() + " " + n.id());
            System.out.flush();
            Thread.sleep(300_000);
        }
    }

    /** The next JVM: connects and waits for the background sweep to finish. */
    public static final class NextConnect {
        public static void main(String[] args) throws Exception {
            try (Docker docker = Docker.connect()) {
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (t.getName().equals("berth-sweep")) {
                        t.join(30_000);
                    }
                }
                System.out.println("SWEPT");
            }
        }
    }

    @Test
    void theNextConnectRemovesWhatAKilledJvmLeft() throws Exception {
        String foreign = docker("run", "-d", "--label", "berth.test.foreign=1", "busybox:1.36", "sleep", "300");
        String otherHost = docker("run", "-d", "--label", "dev.berth.owner=some-other-host/1/1", "busybox:1.36",
                "sleep", "300");
        try (Docker mine = Docker.connect();
             Container live = mine.containers().run(ContainerSpec.of("busybox:1.36").command("sleep", "300"))) {
            String containerId;
            String networkId;
            try (ChildJvm victim = ChildJvm.start(List.of(), Victim.class)) {
                String[] ready = victim.awaitLine("READY", BOUND).split(" ");
                containerId = ready[1];
                networkId = ready[2];
                victim.killHard();
            }
            assertTrue(mine.containers().find(containerId).isPresent(), "the killed JVM left its container");
            try (ChildJvm next = ChildJvm.start(List.of(), NextConnect.class)) {
                assertEquals(0, next.awaitExit(BOUND), next::output);
                assertTrue(next.output().contains("SWEPT"), next.output());
            }
            assertTrue(mine.containers().find(containerId).isEmpty(), "the dead JVM's container was removed");
            assertTrue(mine.networks().find(networkId).isEmpty(), "the dead JVM's network was removed");
            assertTrue(live.inspect().running(), "a live process's container stays");
            assertTrue(mine.containers().find(foreign).isPresent(), "a container Berth did not make stays");
            assertTrue(mine.containers().find(otherHost).isPresent(), "a container of another host stays");
        } finally {
            docker("rm", "-f", foreign, otherHost);
        }
    }

    private static String docker(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.waitFor(), out);
        return out.substring(out.lastIndexOf('\n') + 1); // the id; warnings come first
    }
}
