package dev.berth.core.swarm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A second Docker engine on this machine, as a separate node would be: its own network namespace joined to the host
 * by a veth pair on a private /30 (random, checked unused), its own data and exec roots, started from the 20.10
 * {@code dockerd} ({@code nsenter --net} rather than {@code ip netns exec}, which remounts /sys and hides the cgroup
 * mounts dockerd needs). {@link #close()} stops the daemon and removes the namespace, the veth and the directory.
 */
final class SecondEngine implements AutoCloseable {
    static final String DOCKERD = "/usr/sbin/dockerd";

    private final String id = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
    private final String namespace = "berthw" + id;
    private final String hostSide = "bh" + id;
    private final Path dir;
    private final String hostIp;
    private final String engineIp;
    private Process dockerd;
    private boolean closed;

    SecondEngine() throws Exception {
        requireTools();
        String prefix = freeSlash30();
        hostIp = prefix + "1";
        engineIp = prefix + "2";
        dir = Files.createTempDirectory("berth-node-");
        Files.writeString(dir.resolve("daemon.json"), "{}");
    }

    /** The host's address on the veth: what the manager advertises so this engine can reach it. */
    String hostIp() {
        return hostIp;
    }

    String engineIp() {
        return engineIp;
    }

    String socket() {
        return "unix://" + dir.resolve("docker.sock");
    }

    SecondEngine start() throws Exception {
        run("ip", "netns", "add", namespace);
        run("ip", "link", "add", hostSide, "type", "veth", "peer", "name", "bw" + id);
        run("ip", "link", "set", "bw" + id, "netns", namespace);
        run("ip", "addr", "add", hostIp + "/30", "dev", hostSide);
        run("ip", "link", "set", hostSide, "up");
        run("ip", "netns", "exec", namespace, "ip", "addr", "add", engineIp + "/30", "dev", "bw" + id);
        run("ip", "netns", "exec", namespace, "ip", "link", "set", "bw" + id, "up");
        run("ip", "netns", "exec", namespace, "ip", "link", "set", "lo", "up");
        dockerd = new ProcessBuilder("nsenter", "--net=/var/run/netns/" + namespace, DOCKERD,
                "--config-file", dir.resolve("daemon.json").toString(), "-H", socket(),
                "--data-root", dir.resolve("data").toString(), "--exec-root", dir.resolve("exec").toString(),
                "--pidfile", dir.resolve("docker.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("dockerd.log").toFile()).start();
        for (int i = 0; i < 150 && !Files.exists(dir.resolve("docker.sock")); i++) {
            if (!dockerd.isAlive()) {
                throw new IllegalStateException("the second dockerd exited: " + Files.readString(dir.resolve(
                        "dockerd.log")));
            }
            Thread.sleep(100);
        }
        return this;
    }

    @Override
    public void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        List<Exception> failures = new ArrayList<>();
        if (dockerd != null && dockerd.isAlive()) {
            dockerd.destroy(); // SIGTERM: dockerd stops its containers and containerd and unmounts
            if (!dockerd.waitFor(30, TimeUnit.SECONDS)) {
                dockerd.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        try {
            unmountUnder(dir);
        } catch (Exception e) {
            failures.add(e);
        }
        try {
            run("ip", "netns", "del", namespace); // takes the veth pair with it, once the kernel lets go of it
            for (int i = 0; i < 100 && hostSideExists(); i++) {
                Thread.sleep(100);
            }
            if (hostSideExists()) {
                run("ip", "link", "del", hostSide);
            }
        } catch (Exception e) {
            failures.add(e);
        }
        try {
            run("rm", "-rf", dir.toString());
        } catch (Exception e) {
            failures.add(e);
        }
        if (!failures.isEmpty()) {
            Exception first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    boolean namespaceExists() throws Exception {
        return run("ip", "netns", "list").contains(namespace);
    }

    boolean hostSideExists() throws Exception {
        return run("ip", "-o", "link", "show").contains(hostSide + "@");
    }

    private static void unmountUnder(Path dir) throws Exception {
        List<String> mounts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String point = line.split(" ")[1];
            if (point.startsWith(dir.toString())) {
                mounts.add(point);
            }
        }
        mounts.sort(java.util.Comparator.reverseOrder());
        for (String point : mounts) {
            run("umount", "-l", point);
        }
    }

    /** A random 10.x.y.0/30 in a /24 no route or address on this host touches. */
    private static String freeSlash30() throws Exception {
        String routes = run("ip", "-4", "route", "show", "table", "all") + run("ip", "-4", "addr");
        for (int attempt = 0; attempt < 50; attempt++) {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            String prefix = "10." + r.nextInt(128, 250) + "." + r.nextInt(0, 256) + ".";
            if (!routes.contains(prefix)) {
                return prefix; // the /30 is PREFIX.0: .1 the host, .2 the engine
            }
        }
        throw new IllegalStateException("no free 10.x.y.0/30 found");
    }

    private static void requireTools() {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("The multi-node test makes a network namespace and starts a dockerd:"
                    + " it needs root (it runs as " + System.getProperty("user.name") + ")");
        }
        if (!Files.isExecutable(Path.of(DOCKERD))) {
            throw new IllegalStateException("The multi-node test needs a dockerd at " + DOCKERD);
        }
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
