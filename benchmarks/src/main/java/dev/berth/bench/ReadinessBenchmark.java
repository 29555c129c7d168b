package dev.berth.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import dev.berth.ContainerSpec;
import dev.berth.Docker;
import dev.berth.Wait;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/** nginx on a random host port, until HTTP 200, then removed. Every peer polls every 5 ms. */
final class ReadinessBenchmark {
    static final String IMAGE = "nginx:1.22";
    static final int RUNS = 15;
    static final long POLL_MILLIS = 5;

    private ReadinessBenchmark() {
    }

    static Harness.Result run() throws Exception {
        try (Docker docker = Docker.connect(); DockerClient raw = RawDockerJava.client()) {
            ContainerSpec spec = ContainerSpec.of(IMAGE).publish(80)
                    .waitFor(Wait.http(80, "/").forStatus(200).pollEvery(Duration.ofMillis(POLL_MILLIS)));
            Peer berth = Peer.of("berth", () -> {
                docker.containers().run(spec).close();
            });
            Peer dockerJava = Peer.of("docker-java", () -> {
                Ports ports = new Ports();
                ports.bind(ExposedPort.tcp(80), Ports.Binding.bindIp("127.0.0.1"));
                String id = raw.createContainerCmd(IMAGE).withExposedPorts(ExposedPort.tcp(80))
                        .withHostConfig(HostConfig.newHostConfig().withPortBindings(ports)).exec().getId();
                try {
                    raw.startContainerCmd(id).exec();
                    var bindings = raw.inspectContainerCmd(id).exec().getNetworkSettings().getPorts().getBindings();
                    int port = Integer.parseInt(bindings.get(ExposedPort.tcp(80))[0].getHostPortSpec());
                    pollUntil200(port);
                } finally {
                    raw.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
                }
            });
            Peer testcontainers = Peer.of("testcontainers", () -> {
                try (GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(IMAGE))
                        .withExposedPorts(80)
                        .waitingFor(org.testcontainers.containers.wait.strategy.Wait.forHttp("/")
                                .forStatusCode(200))) {
                    c.start();
                }
            });
            Peer cli = Peer.of("docker-cli", () -> {
                String id = Cli.docker("run", "-d", "-p", "127.0.0.1::80", IMAGE);
                try {
                    String mapping = Cli.docker("port", id, "80/tcp").lines().findFirst().orElseThrow();
                    pollUntil200(Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1)));
                } finally {
                    Cli.docker("rm", "-f", "-v", id);
                }
            });
            var samples = Harness.measure(List.of(berth, dockerJava, testcontainers, cli), 2, RUNS);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("berth_requests_run_wait_close", Harness.requestsForRunAndClose(docker, spec));
            extra.put("poll_ms", POLL_MILLIS);
            extra.put("goal", "berth <= 1.10x docker-java");
            return Harness.result("readiness", RUNS, samples, extra);
        }
    }

    static void pollUntil200(int port) throws InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + "/");
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            try {
                HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                int status = c.getResponseCode();
                try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                    if (in != null) {
                        in.readAllBytes();
                    }
                }
                if (status == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // proxy accepted and dropped, or refused: not ready
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new IllegalStateException("nginx never answered 200 on " + uri);
    }
}
