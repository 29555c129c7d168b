package dev.berth.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.net.URI;
import java.time.Duration;

/** The baseline: docker-java used directly, configured the way its README shows. */
final class RawDockerJava {
    static final String HOST = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");

    private RawDockerJava() {
    }

    static DockerClient client() {
        var config = new DefaultDockerClientConfig.Builder().withDockerHost(HOST).withApiVersion("1.41").build();
        var http = new ZerodepDockerHttpClient.Builder().dockerHost(URI.create(HOST)).maxConnections(100)
                .connectionTimeout(Duration.ofSeconds(5)).build();
        return DockerClientImpl.getInstance(config, http);
    }
}
