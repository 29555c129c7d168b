package dev.berth.core.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.berth.DockerSettings;
import dev.berth.EngineEndpoint;
import dev.berth.EngineUnavailableException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Finds a live engine among the candidates, negotiates the API version and builds the client. */
public final class EngineConnector {
    private EngineConnector() {
    }

    public static EngineDocker connect(DockerSettings settings) {
        List<EndpointCandidate> candidates = EndpointResolver.candidates(settings);
        List<String> attempts = new ArrayList<>();
        RuntimeException last = null;
        for (EndpointCandidate candidate : candidates) {
            if (candidate.host().startsWith("unix://")) {
                Path socket = Path.of(candidate.host().substring("unix://".length()));
                if (!Files.exists(socket)) {
                    attempts.add(candidate + ": no socket file at " + socket);
                    continue;
                }
            }
            try {
                return open(candidate, settings.connectTimeout());
            } catch (RuntimeException e) {
                last = e;
                attempts.add(candidate + ": " + RawEngine.describe(e));
            }
        }
        throw new EngineUnavailableException(unavailableMessage(attempts), attempts, last);
    }

    private static String unavailableMessage(List<String> attempts) {
        StringBuilder text = new StringBuilder("No Docker engine answered. Berth looked at:");
        attempts.forEach(a -> text.append("\n  - ").append(a));
        text.append("\nFix: start Docker (`sudo systemctl start docker`, or start Docker Desktop), check that your user"
                + " may use the socket (`docker version` works), or point DOCKER_HOST / `docker context use` at a"
                + " running engine.");
        return text.toString();
    }

    private static javax.net.ssl.SSLContext sslContext(LocalDirectorySSLConfig tls) {
        try {
            return tls.getSSLContext();
        } catch (Exception e) {
            throw new EngineUnavailableException("Cannot load the TLS certificates in " + tls.getDockerCertPath()
                    + " (ca.pem, cert.pem, key.pem): " + e.getMessage(), List.of(tls.getDockerCertPath()
                    + ": bad TLS material"), e);
        }
    }

    private static EngineDocker open(EndpointCandidate candidate, Duration connectTimeout) {
        ZerodepDockerHttpClient.Builder http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(URI.create(candidate.host()))
                .maxConnections(100)
                .connectionTimeout(connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout);
        // No responseTimeout: logs follow, waits and pulls may stream for minutes; each operation bounds itself.
        LocalDirectorySSLConfig tls = candidate.tlsVerify()
                ? new LocalDirectorySSLConfig(candidate.certPath().toString()) : null;
        if (tls != null) {
            http.sslConfig(tls);
        }
        CountingHttpClient counting = new CountingHttpClient(http.build());
        try {
            RawEngine raw = new RawEngine(counting);
            RawEngine.PingReply ping = raw.ping();
            String pinned = ApiVersions.negotiate(ping.apiVersion());
            DefaultDockerClientConfig.Builder config = new DefaultDockerClientConfig.Builder()
                    .withDockerHost(candidate.host())
                    .withApiVersion(pinned)
                    .withDockerTlsVerify(candidate.tlsVerify());
            if (candidate.tlsVerify()) {
                config.withDockerCertPath(candidate.certPath().toString());
            }
            DockerClient client = DockerClientImpl.getInstance(config.build(), counting);
            EngineEndpoint endpoint = new EngineEndpoint(candidate.host(), candidate.tlsVerify(), candidate.certPath(),
                    candidate.source(), pinned);
            EngineDialer dialer = new EngineDialer(candidate.host(), tls == null ? null : sslContext(tls));
            return new EngineDocker(client, counting, raw, endpoint, dialer);
        } catch (RuntimeException e) {
            RawEngine.closeQuietly(counting);
            throw e;
        }
    }
}
