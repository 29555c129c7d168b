package dev.berth.bench;

import com.github.dockerjava.api.DockerClient;
import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.Docker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/** busybox sleep: create + start + inspect + force-remove. */
final class LifecycleBenchmark {
    static final String IMAGE = "busybox:1.36";
    static final int RUNS = 15;

    private LifecycleBenchmark() {
    }

    static Harness.Result run() throws Exception {
        try (Docker docker = Docker.connect(); DockerClient raw = RawDockerJava.client()) {
            ContainerSpec spec = ContainerSpec.of(IMAGE).command("sleep", "300");
            Peer berth = Peer.of("berth", () -> {
                try (Container c = docker.containers().run(spec)) {
                    c.inspect();
                }
            });
            Peer dockerJava = Peer.of("docker-java", () -> {
                String id = raw.createContainerCmd(IMAGE).withCmd("sleep", "300").exec().getId();
                raw.startContainerCmd(id).exec();
                raw.inspectContainerCmd(id).exec();
                raw.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            });
            Peer testcontainers = Peer.of("testcontainers", () -> {
                try (GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(IMAGE))
                        .withCommand("sleep", "300")) {
                    c.start();
                    c.getContainerInfo();
                }
            });
            Peer cli = Peer.of("docker-cli", () -> {
                String id = Cli.docker("run", "-d", IMAGE, "sleep", "300");
                Cli.docker("inspect", id);
                Cli.docker("rm", "-f", "-v", id);
            });
            var samples = Harness.measure(List.of(berth, dockerJava, testcontainers, cli), 3, RUNS);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("berth_requests_run_close", Harness.requestsForRunAndClose(docker, spec));
            extra.put("goal", "berth <= 1.05x docker-java");
            return Harness.result("lifecycle", RUNS, samples, extra);
        }
    }
}
