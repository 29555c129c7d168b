package dev.berth.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.core.util.CertificateUtils;
import dev.berth.DockerSettings;
import dev.berth.EngineEndpoint;
import dev.berth.EngineUnavailableException;
import dev.berth.core.internal.transport.CountingHttpClient;
import dev.berth.core.internal.transport.EndpointCandidate;
import dev.berth.core.internal.transport.EndpointResolver;
import dev.berth.core.internal.transport.EngineDialer;
import dev.berth.core.internal.transport.EngineHttpClient;
import dev.berth.core.internal.transport.InFlight;
import dev.berth.core.internal.transport.RawEngine;
import dev.berth.core.internal.transport.SocketTransport;
import dev.berth.core.internal.transport.SshForwarder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Finds a live engine among the candidates, negotiates the API version and builds the client. */
public final class EngineConnector {
    private EngineConnector() {
    }

    public static Engine connect(DockerSettings settings) {
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
            if (candidate.host().startsWith("ssh://")) {
                return openOverSsh(candidate, settings); // the only candidate; its errors are already explained
            }
            try {
                return open(candidate, settings, candidate.host(), null);
            } catch (RuntimeException e) {
                last = e;
                attempts.add(candidate + ": " + RawEngine.describe(e));
            }
        }
        throw new EngineUnavailableException(unavailableMessage(attempts, isTlsFailure(last)), attempts, last);
    }

    private static String unavailableMessage(List<String> attempts, boolean tls) {
        StringBuilder text = new StringBuilder(tls ? "The Docker engine refused the TLS connection. Berth looked at:"
                : "No Docker engine answered. Berth looked at:");
        attempts.forEach(a -> text.append("\n  - ").append(a));
        text.append(tls ? "\nFix: the TLS handshake failed. Check that DOCKER_CERT_PATH (or the context's TLS folder)"
                + " holds ca.pem, cert.pem and key.pem issued for this engine, and that DOCKER_TLS_VERIFY matches how"
                + " the engine listens."
                : "\nFix: start Docker (`sudo systemctl start docker`, or start Docker Desktop), check that your user"
                + " may use the socket (`docker version` works), or point DOCKER_HOST / `docker context use` at a"
                + " running engine.");
        return text.toString();
    }

    private static boolean isTlsFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException) {
                return true;
            }
        }
        return false;
    }

    /**
     * TLS for Berth's own stream connections, from the same ca/cert/key files. docker-java's context allows TLS 1.2
     * only, where closing the write side closes the whole connection; TLS 1.3 has the half-close stdin needs.
     */
    private static javax.net.ssl.SSLContext streamTls(EndpointCandidate candidate) {
        Path dir = candidate.certPath();
        try {
            var keys = javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            keys.init(CertificateUtils.createKeyStore(Files.readString(dir.resolve("key.pem")),
                    Files.readString(dir.resolve("cert.pem"))), "docker".toCharArray());
            var trust = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            trust.init(CertificateUtils.createTrustStore(Files.readString(dir.resolve("ca.pem"))));
            var context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new EngineUnavailableException("Cannot load the TLS certificates in " + dir
                    + " (ca.pem, cert.pem, key.pem): " + e.getMessage() + ". Check DOCKER_CERT_PATH.",
                    List.of(candidate + ": bad TLS material in " + dir), e);
        }
    }

    /**
     * ssh://: a private local socket whose connections each run {@code ssh … docker system dial-stdio} (see
     * SshForwarder); the rest of Berth talks HTTP to that socket as to a local engine.
     */
    private static Engine openOverSsh(EndpointCandidate candidate, DockerSettings settings) {
        Duration connectTimeout = settings.connectTimeout() == null ? Duration.ofSeconds(5) : settings.connectTimeout();
        SshForwarder forwarder = SshForwarder.start(candidate.host(), candidate.source(), settings.env(),
                settings.sshOptions(), connectTimeout);
        try {
            return open(candidate, settings, forwarder.socketUri(), forwarder);
        } catch (EngineUnavailableException e) {
            forwarder.close();
            throw e;
        } catch (RuntimeException e) {
            EngineUnavailableException explained = forwarder.explain(e);
            forwarder.close();
            throw explained;
        }
    }

    /** Connects to {@code transportHost} (the candidate's own address, or a local forwarder in front of it). */
    private static Engine open(EndpointCandidate candidate, DockerSettings settings, String transportHost,
            SshForwarder tunnel) {
        LocalDirectorySSLConfig tls = candidate.tlsVerify()
                ? new LocalDirectorySSLConfig(candidate.certPath().toString()) : null;
        AtomicLong requests = new AtomicLong();
        Duration deadline = settings.requestTimeout() == null ? Duration.ofMinutes(2) : settings.requestTimeout();
        // One transport, Berth's own (see EngineHttpClient for why not zerodep's); RequestLimits gives each request
        // its deadlines, so short calls and streams share the pool. Two client objects remain for readability.
        if (tls != null) {
            tls.getSSLContext(); // registers the BouncyCastle provider that reading the PEM files below needs
        }
        EngineDialer dialer = new EngineDialer(transportHost, tls == null ? null : streamTls(candidate),
                settings.connectTimeout() == null ? Duration.ofSeconds(5) : settings.connectTimeout(), tunnel);
        InFlight inFlight = new InFlight();
        CountingHttpClient bounded = new CountingHttpClient(new EngineHttpClient(dialer, deadline, inFlight), requests);
        CountingHttpClient streaming = bounded;
        try {
            RawEngine raw = new RawEngine(bounded);
            RawEngine.PingReply ping = raw.ping();
            JsonNode engineVersion = ApiVersions.needsMinimum(ping.apiVersion()) ? raw.unversionedVersion() : null;
            String pinned = ApiVersions.negotiate(ping.apiVersion(),
                    engineVersion == null ? null : engineVersion.path("MinAPIVersion").asText(null));
            raw.pin(pinned);
            DefaultDockerClientConfig.Builder config = new DefaultDockerClientConfig.Builder()
                    .withDockerHost(transportHost)
                    .withApiVersion(pinned)
                    .withDockerTlsVerify(candidate.tlsVerify());
            if (candidate.tlsVerify()) {
                config.withDockerCertPath(candidate.certPath().toString());
            }
            DefaultDockerClientConfig built = config.build();
            DockerClient client = DockerClientImpl.getInstance(built, bounded);
            DockerClient streamingClient = DockerClientImpl.getInstance(built, streaming);
            EngineEndpoint endpoint = new EngineEndpoint(candidate.host(), candidate.tlsVerify(), candidate.certPath(),
                    candidate.source(), pinned);
            RegistryCredentials credentials = new RegistryCredentials(
                    EndpointResolver.configDir(settings, settings.env()), settings.env());
            SocketTransport sockets = new SocketTransport(dialer, requests, deadline, inFlight);
            sockets.pin(pinned);
            Engine engine = new Engine(client, streamingClient, requests, raw, endpoint, sockets, deadline,
                    credentials, settings.env(), inFlight, () -> {
                        RawEngine fresh = new RawEngine(new CountingHttpClient(new EngineHttpClient(dialer, deadline,
                                new InFlight()), requests));
                        fresh.pin(pinned);
                        return fresh;
                    });
            if (engineVersion != null) {
                engine.remember(engineVersion);
            }
            Sweeper.sweepInBackground(candidate.host(), settings.env(), () -> {
                RawEngine sweeper = new RawEngine(new EngineHttpClient(dialer, deadline, new InFlight()));
                sweeper.pin(pinned);
                return sweeper;
            });
            return engine;
        } catch (RuntimeException e) {
            RawEngine.closeQuietly(bounded);
            throw e;
        }
    }
}
