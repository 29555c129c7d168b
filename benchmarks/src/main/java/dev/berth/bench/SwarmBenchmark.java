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
 * The seed's web + cache file with two web replicas on a one-node swarm: deploy until every service runs N/N, then
 * remove. Berth ({@code deploy} + {@code awaitConverged} + {@code remove}, which also waits until this node dropped
 * the stack's networks) against {@code docker stack deploy} + polling {@code docker service ls} until N/N +
 * {@code docker stack rm} + polling {@code docker network ls} until the stack's network is gone. Holds the engine lock exclusively and leaves the engine out of swarm mode.
 */
final class SwarmBenchmark {
    static final int RUNS = 8;
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
        try (HostEngineLock.Held lock = HostEngineLock.forCurrentEngine().exclusive(Duration.ofMinutes(20));
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
                Peer berth = Peer.of("berth", () -> {
                    try (DeployedStack stack = docker.stacks().deploy(StackSpec.fromCompose(file)
                            .projectName(name()))) {
                        stack.awaitConverged(Duration.ofMinutes(2));
                    }
                });
                Peer cli = Peer.of("docker-stack", () -> {
                    String name = name();
                    Cli.docker("stack", "deploy", "--detach=true", "-c", file.toString(), name);
                    awaitReplicas(name, 2);
                    Cli.docker("stack", "rm", name);
                    awaitNetworksGone(name);
                });
                var samples = Harness.measure(List.of(berth, cli), 1, RUNS);
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("goal", "berth <= 0.8x docker-stack");
                extra.put("engine", docker.version().engineVersion());
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

    private static String name() {
        return "bench" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** What a script does: poll `docker service ls` until every service of the stack shows N/N. */
    private static void awaitReplicas(String stack, int services) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            String out = Cli.docker("service", "ls", "--filter", "label=com.docker.stack.namespace=" + stack,
                    "--format", "{{.Replicas}}");
            List<String> lines = out.lines().toList();
            if (lines.size() == services && lines.stream().allMatch(SwarmBenchmark::complete)) {
                return;
            }
        }
        throw new IllegalStateException("stack " + stack + " did not converge");
    }

    /**
     * `docker stack rm` returns before this node has dropped the stack's overlay network; deploying again at once
     * can then get the same subnet from the swarm and fail with "Pool overlaps". A script must wait, so this does.
     */
    private static void awaitNetworksGone(String stack) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            if (Cli.docker("network", "ls", "-q", "--filter", "label=com.docker.stack.namespace=" + stack).isEmpty()) {
                return;
            }
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
