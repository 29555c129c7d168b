package dev.berth.reliability;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A unix-socket relay between Berth and the real engine socket that misbehaves on command: it cuts every open
 * connection (what an engine restart does to a connection pool), stalls the engine's answers (a hung engine), or
 * corrupts them. Berth connects to {@link #host()} instead of the engine.
 */
final class EngineRelay implements AutoCloseable {
    private final Path socket;
    private final Path engineSocket;
    private final ServerSocketChannel server;
    private final Set<Pair> pairs = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean stalled;
    private volatile boolean corrupt;
    private volatile boolean closed;

    private EngineRelay(Path socket, Path engineSocket) throws IOException {
        this.socket = socket;
        this.engineSocket = engineSocket;
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = new Thread(this::acceptLoop, "relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A relay to the engine the tests use (DOCKER_HOST when it is a unix socket, else the default socket). */
    static EngineRelay start(Path dir) throws IOException {
        String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
        if (!host.startsWith("unix://")) {
            host = "unix:///var/run/docker.sock";
        }
        return new EngineRelay(dir.resolve("relay-" + Long.toHexString(System.nanoTime()) + ".sock"),
                Path.of(host.substring("unix://".length())));
    }

    String host() {
        return "unix://" + socket;
    }

    /** Closes every open connection at once, both sides, as an engine restart does. New connections work. */
    void cutAll() {
        for (Pair pair : pairs) {
            pair.close();
        }
    }

    /** While stalled, nothing the engine sends reaches Berth (requests still go through). */
    void stall(boolean value) {
        stalled = value;
    }

    /** While corrupt, every byte the engine sends reaches Berth as 'X'. */
    void corrupt(boolean value) {
        corrupt = value;
    }

    /** Connections open right now. */
    int openConnections() {
        return pairs.size();
    }

    int acceptedConnections() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SocketChannel client = server.accept();
                SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(engineSocket));
                accepted.incrementAndGet();
                Pair pair = new Pair(client, engine);
                pairs.add(pair);
                pair.start();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        cutAll();
        Files.deleteIfExists(socket);
    }

    /** One client connection and its engine connection, pumped both ways. */
    private final class Pair {
        private final SocketChannel client;
        private final SocketChannel engine;

        Pair(SocketChannel client, SocketChannel engine) {
            this.client = client;
            this.engine = engine;
        }

        void start() {
            pump(client, engine, false, "relay-up");
            pump(engine, client, true, "relay-down");
        }

        private void pump(SocketChannel from, SocketChannel to, boolean fromEngine, String name) {
            Thread thread = new Thread(() -> {
                ByteBuffer buffer = ByteBuffer.allocate(65536);
                try {
                    while (true) {
                        while (fromEngine && stalled && from.isOpen()) {
                            Thread.sleep(10);
                        }
                        buffer.clear();
                        if (from.read(buffer) < 0) {
                            if (!fromEngine) {
                                to.shutdownOutput(); // Berth half-closed (end of stdin): pass it on, keep reading
                                return;
                            }
                            break;
                        }
                        buffer.flip();
                        while (fromEngine && stalled && from.isOpen()) {
                            Thread.sleep(10); // data read before the stall began is held too
                        }
                        if (fromEngine && corrupt) {
                            for (int i = buffer.position(); i < buffer.limit(); i++) {
                                buffer.put(i, (byte) 'X');
                            }
                        }
                        while (buffer.hasRemaining()) {
                            to.write(buffer);
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    // cut, or the other side went away
                }
                close();
            }, name);
            thread.setDaemon(true);
            thread.start();
        }

        void close() {
            pairs.remove(this);
            try {
                client.close();
            } catch (IOException ignored) {
                // already closed
            }
            try {
                engine.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
