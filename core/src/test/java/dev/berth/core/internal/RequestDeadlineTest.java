package dev.berth.core.internal;

import dev.berth.Docker;
import dev.berth.DockerException;
import dev.berth.DockerSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hung engine must not hang the caller: a socket that answers /_ping and then never answers again stands in for
 * it (the transport's behaviour is what is tested here, not Docker's).
 */
class RequestDeadlineTest {
    @TempDir
    Path dir;

    @Test
    void shortCallsFailAtTheirDeadlineWithAClearMessage() throws Exception {
        Path socket = dir.resolve("hung.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread acceptor = new Thread(() -> serve(server), "hung-engine");
            acceptor.setDaemon(true);
            acceptor.start();
            try (Docker docker = Docker.connect(DockerSettings.defaults().host("unix://" + socket)
                    .requestTimeout(Duration.ofMillis(500)))) {
                var e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                        () -> assertThrows(DockerException.class, () -> docker.containers().list()));
                assertTrue(e.getMessage().contains("no answer"), e.getMessage());
                assertTrue(e.getMessage().contains("requestTimeout"), e.getMessage());
            }
        }
    }

    private static void serve(ServerSocketChannel server) {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread t = new Thread(() -> answerPingsOnly(client));
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void answerPingsOnly(SocketChannel client) {
        try (client) {
            while (true) {
                String head = readHead(client);
                if (head == null) {
                    return;
                }
                if (!head.contains("/_ping")) {
                    Thread.sleep(60_000); // hung
                    return;
                }
                String reply = "HTTP/1.1 200 OK\r\nAPI-Version: 1.41\r\nOSType: linux\r\nContent-Length: 2\r\n\r\nOK";
                client.write(ByteBuffer.wrap(reply.getBytes(StandardCharsets.US_ASCII)));
            }
        } catch (IOException | InterruptedException done) {
            // test over
        }
    }

    private static String readHead(SocketChannel client) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            one.clear();
            if (client.read(one) < 0) {
                return null;
            }
            head.write(one.array()[0]);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
