package dev.berth.bench;

import dev.berth.DeployedStack;
import dev.berth.Docker;
import dev.berth.Filter;
import dev.berth.StackSpec;
import dev.berth.core.internal.engine.HostEngineLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The seed's web + cache file with two web replicas on a one-node swarm, deployed until converged, then removed.
 * Both peers measure the same end state: every service runs N/N, then the stack is gone from the swarm <em>and</em>
 * this node has dropped its overlay network (before that an immediate redeploy can fail with "Pool overlaps").
 * Berth: {@code deploy} + {@code awaitConverged} (which also wants each task running for 300 ms) + {@code remove}
 * (which waits for the network itself). CLI: {@code docker stack deploy --detach=true} + polling
 * {@code docker service ls} until N/N + {@code docker stack rm} (returns before the node has let go) + polling
 * {@code docker network ls} until the network is gone, polling at Berth's pace ({@link #POLL_PAUSE_MS}). Each
 * phase's median time and requests (CLI: commands) go into the result, with the engine's share of each run from
 * {@code docker events} ({@link EngineTimeline}). Holds the swarm-ports and engine locks exclusively and leaves the
 * engine out of swarm mode.
 */
final class SwarmBenchmark {
    static final int RUNS = 8;
    /**
     * The CLI peer's pause between polls: Berth's own (50 ms; its convergence wait goes up to 100). Without one the
     * CLI loop keeps a {@code docker} process running all the time, which on a loaded 2-core machine slows the
     * engine starting the CLI's own tasks (its engine share rose to 2.1 s against Berth's 1.3 s in one run).
     */
    static final long POLL_PAUSE_MS = 50;
    static final String COMPOSE = """
            services:
              web:
                image: nginx:1.22
                ports: ["80"]
                depends_on: [cache]
                deploy:
                  replicas: 2
              cache:
                image: redis:7
            """;

    private SwarmBenchmark() {
    }

    static Harness.Result run() throws Exception {
        // the host's swarm ports first (one swarm per host: port 2377), then this engine, as the swarm tests take them
        try (HostEngineLock.Held ports = HostEngineLock.forSwarmPorts().exclusive(Duration.ofMinutes(20));
             HostEngineLock.Held lock = HostEngineLock.forCurrentEngine().exclusive(Duration.ofMinutes(20));
             Docker docker = Docker.connect()) {
            if (docker.swarm().isActive()) {
                throw new IllegalStateException("The engine is already in a swarm this benchmark did not make;"
                        + " it will not leave it. Run it when `docker info` says Swarm: inactive.");
            }
            boolean hadBridge = !docker.networks().list(Filter.none().name("docker_gwbridge")).isEmpty();
            Path dir = Files.createTempDirectory("berth-swarm-bench");
            Path file = Files.writeString(dir.resolve("docker-compose.yml"), COMPOSE);
            docker.swarm().init("127.0.0.1");
            try {
                Phases phases = new Phases();
                Peer berth = Peer.of("berth", () -> {
                    String name = name("bb");
                    long requests = docker.requestCount();
                    Phases.Run run = phases.start("berth", name);
                    DeployedStack stack = docker.stacks().deploy(StackSpec.fromCompose(file).projectName(name));
                    run.lap("deploy", docker.requestCount() - requests);
                    requests = docker.requestCount();
                    try {
                        stack.awaitConverged(Duration.ofMinutes(2));
                    } catch (RuntimeException e) {
                        stack.remove();
                        throw e;
                    }
                    run.lap("converge", docker.requestCount() - requests);
                    requests = docker.requestCount();
                    stack.remove();
                    run.lap("remove", docker.requestCount() - requests);
                });
                Peer cli = Peer.of("docker-stack", () -> {
                    String name = name("bc");
                    Phases.Run run = phases.start("docker-stack", name);
                    Cli.docker("stack", "deploy", "--detach=true", "-c", file.toString(), name);
                    run.lap("deploy", 1);
                    run.lap("converge", awaitReplicas(name, 2));
                    Cli.docker("stack", "rm", name);
                    run.lap("rm", 1);
                    run.lap("networks-gone", awaitNetworksGone(name));
                });
                Map<String, double[]> samples;
                try (Docker watcher = Docker.connect(); EngineTimeline timeline = new EngineTimeline(watcher)) {
                    samples = Harness.measure(List.of(berth, cli), 1, RUNS);
                    Thread.sleep(500); // the last events on their way
                    phases.engineShare(timeline);
                }
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("goal", "berth <= 0.8x docker-stack");
                extra.put("end_state", "every service N/N (berth: each task running >= 300 ms), then the stack gone"
                        + " from the swarm and this node's copy of its network gone");
                extra.put("engine", docker.version().engineVersion());
                Map<String, Object> phaseMedians = phases.medians();
                extra.putAll(phaseMedians);
                // the part a client can change: its run minus the engine's share; the total is mostly engine time
                if (phaseMedians.get("berth.client_ms") instanceof Double berthClient
                        && phaseMedians.get("docker-stack.client_ms") instanceof Double cliClient) {
                    extra.put("client_share_ratio", berthClient / cliClient);
                }
                return Harness.result("swarm", RUNS, samples, extra, "docker-stack");
            } finally {
                docker.swarm().forceLeave();
                if (!hadBridge) {
                    removeWhenFree(docker, "docker_gwbridge");
                }
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        }
    }

    /** A fresh stack name; the prefix tells the peers apart in {@code docker events}. */
    private static String name(String peer) {
        return peer + UUID.randomUUID().toString().substring(0, 8);
    }

    /** What a script does: poll `docker service ls` until every service of the stack shows N/N. */
    private static int awaitReplicas(String stack, int services) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        for (int polls = 1; System.nanoTime() < deadline; polls++) {
            String out = Cli.docker("service", "ls", "--filter", "label=com.docker.stack.namespace=" + stack,
                    "--format", "{{.Replicas}}");
            List<String> lines = out.lines().toList();
            if (lines.size() == services && lines.stream().allMatch(SwarmBenchmark::complete)) {
                return polls;
            }
            Thread.sleep(POLL_PAUSE_MS);
        }
        throw new IllegalStateException("stack " + stack + " did not converge");
    }

    /**
     * `docker stack rm` returns before this node has dropped the stack's overlay network; deploying again at once
     * can then get the same subnet from the swarm and fail with "Pool overlaps". A script must wait, so this does.
     */
    private static int awaitNetworksGone(String stack) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        for (int polls = 1; System.nanoTime() < deadline; polls++) {
            if (Cli.docker("network", "ls", "-q", "--filter", "label=com.docker.stack.namespace=" + stack).isEmpty()) {
                return polls;
            }
            Thread.sleep(POLL_PAUSE_MS);
        }
        throw new IllegalStateException("stack " + stack + " networks still there");
    }

    private static boolean complete(String replicas) {
        String[] parts = replicas.split(" ")[0].split("/");
        return parts.length == 2 && parts[0].equals(parts[1]) && !parts[1].equals("0");
    }

    private static void removeWhenFree(Docker docker, String network) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            try {
                docker.networks().list(Filter.none().name(network)).stream().filter(n -> n.name().equals(network))
                        .forEach(n -> docker.networks().get(n.id()).remove());
                return;
            } catch (RuntimeException inUse) {
                Thread.sleep(200);
            }
        }
    }
}
