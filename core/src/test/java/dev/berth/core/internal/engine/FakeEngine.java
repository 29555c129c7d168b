package dev.berth.core.internal.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A unix socket that answers HTTP requests the way a test says, for transport behaviour a real engine cannot be
 * made to show (hanging, or being a newer version). The responder gets the request path and returns the full reply,
 * or null to hang.
 */
final class FakeEngine implements AutoCloseable {
    private final ServerSocketChannel server;

    private FakeEngine(ServerSocketChannel server) {
        this.server = server;
    }

    static FakeEngine start(Path socket, Function<String, String> responder) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread acceptor = new Thread(() -> {
            while (server.isOpen()) {
                try {
                    SocketChannel client = server.accept();
                    Thread t = new Thread(() -> answer(client, responder));
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "fake-engine");
        acceptor.setDaemon(true);
        acceptor.start();
        return new FakeEngine(server);
    }

    static String ok(String body, String apiVersion) {
        return "HTTP/1.1 200 OK\r\nAPI-Version: " + apiVersion + "\r\nOSType: linux\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body;
    }

    private static void answer(SocketChannel client, Function<String, String> responder) {
        try (client) {
            for (String head = readHead(client); head != null; head = readHead(client)) {
                String reply = responder.apply(head.split(" ")[1]);
                if (reply == null) {
                    Thread.sleep(60_000); // hung
                    return;
                }
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

    @Override
    public void close() throws IOException {
        server.close();
    }
}
