package dev.berth.core;

import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.Docker;
import dev.berth.DockerSettings;
import dev.berth.EngineUnavailableException;
import dev.berth.ExecSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tcp:// + TLS path end to end: a mutual-TLS listener on 127.0.0.1 (made here, with certificates made here)
 * relays to the engine's socket, and Berth connects through it as it would to a remote engine with DOCKER_TLS_VERIFY,
 * including the hijacked exec stream, whose end of stdin is a TLS half-close.
 */
@org.junit.jupiter.api.extension.ExtendWith({SharedEngineLock.class, VolumeLeakWatch.class})
class TlsEngineTest {
    @TempDir
    Path certs;
    private SSLServerSocket server;

    @BeforeEach
    void startTlsRelay() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair caKeys = rsa.generateKeyPair();
        X509Certificate ca = certificate("CN=berth-test-ca", caKeys, "CN=berth-test-ca", caKeys.getPrivate(), true);
        KeyPair serverKeys = rsa.generateKeyPair();
        X509Certificate serverCert = certificate("CN=127.0.0.1", serverKeys, "CN=berth-test-ca", caKeys.getPrivate(),
                false);
        KeyPair clientKeys = rsa.generateKeyPair();
        X509Certificate clientCert = certificate("CN=client", clientKeys, "CN=berth-test-ca", caKeys.getPrivate(),
                false);
        pem(certs.resolve("ca.pem"), ca);
        pem(certs.resolve("cert.pem"), clientCert);
        pem(certs.resolve("key.pem"), clientKeys.getPrivate());

        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", serverKeys.getPrivate(), new char[0], new X509Certificate[] {serverCert, ca});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, new char[0]);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(true);
        Thread acceptor = new Thread(this::relayConnections, "tls-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void dockerTlsVerifyEnvironmentConnectsRunsAndExecsWithStdin() {
        String host = "tcp://127.0.0.1:" + server.getLocalPort();
        Map<String, String> env = Map.of("DOCKER_HOST", host, "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", certs.toString(), "HOME", certs.toString());
        try (Docker docker = Docker.connect(DockerSettings.defaults().environment(env))) {
            assertTrue(docker.endpoint().tlsVerify());
            assertEquals(ConnectionTest.lower(docker.version().apiVersion(), "1.51"),
                    docker.version().negotiatedApiVersion());
            try (Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX).command("sleep", "300"))) {
                assertEquals("hello", c.exec("echo", "hello").stdout().strip());
                var result = assertTimeoutPreemptively(Duration.ofSeconds(30),
                        () -> c.exec(ExecSpec.of("sh", "-c", "echo started; wc -c").stdin("twelve bytes")));
                assertEquals("started\n12", result.stdout().strip());
            }
        }
    }

    @Test
    void aClientWithoutTheRightCertificatesIsRefused() throws Exception {
        Path strangers = Files.createDirectories(certs.resolve("strangers"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair keys = rsa.generateKeyPair();
        X509Certificate self = certificate("CN=stranger", keys, "CN=stranger", keys.getPrivate(), true);
        pem(strangers.resolve("ca.pem"), self);
        pem(strangers.resolve("cert.pem"), self);
        pem(strangers.resolve("key.pem"), keys.getPrivate());
        var e = assertThrows(EngineUnavailableException.class, () -> Docker.connect(DockerSettings.defaults()
                .host("tcp://127.0.0.1:" + server.getLocalPort()).tls(strangers)));
        assertTrue(e.getMessage().startsWith("The Docker engine refused the TLS connection"), e.getMessage());
        assertTrue(e.getMessage().contains("ca.pem, cert.pem and key.pem"), e.getMessage());
    }

    private void relayConnections() {
        while (!server.isClosed()) {
            try {
                SSLSocket client = (SSLSocket) server.accept();
                Thread t = new Thread(() -> relay(client), "tls-relay-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Bytes both ways; an end of stream on one side is passed on as a half-close of the other. */
    private static void relay(SSLSocket client) {
        try (client; SocketChannel engine = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            engine.connect(UnixDomainSocketAddress.of("/var/run/docker.sock"));
            Thread up = new Thread(() -> {
                try {
                    InputStream in = client.getInputStream(); // not closed here: that would close the socket
                    byte[] buffer = new byte[16384];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        ByteBuffer b = ByteBuffer.wrap(buffer, 0, n);
                        while (b.hasRemaining()) {
                            engine.write(b);
                        }
                    }
                    engine.shutdownOutput();
                } catch (IOException done) {
                    // connection over
                }
            });
            up.setDaemon(true);
            up.start();
            OutputStream out = client.getOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(16384);
            while (engine.read(buffer) >= 0) {
                out.write(buffer.array(), 0, buffer.position());
                out.flush();
                buffer.clear();
            }
            up.join(1000);
        } catch (IOException | InterruptedException done) {
            // connection over
        }
    }

    private static X509Certificate certificate(String subject, KeyPair keys, String issuer, PrivateKey signer,
            boolean ca) throws Exception {
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)), new X500Name(subject),
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (!ca) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
    }

    private static void pem(Path file, Object value) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(writer)) {
            pem.writeObject(value);
        }
    }
}
