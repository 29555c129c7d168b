package dev.berth.core.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Opens plain byte connections to the engine for hijacked (upgraded) streams, where Berth needs what docker-java's
 * transport cannot give: closing the write side only, so the process inside sees end-of-input.
 */
public final class EngineDialer implements AutoCloseable {
    private final String host;
    private final SSLContext tls;
    private final int connectTimeoutMillis;
    private final SshForwarder tunnel;

    public EngineDialer(String host, SSLContext tls) {
        this(host, tls, java.time.Duration.ofSeconds(5), null);
    }

    /** For an engine reached through a local forwarder (ssh://): dials its socket and closes it last. */
    public EngineDialer(String host, SSLContext tls, SshForwarder tunnel) {
        this(host, tls, java.time.Duration.ofSeconds(5), tunnel);
    }

    public EngineDialer(String host, SSLContext tls, java.time.Duration connectTimeout, SshForwarder tunnel) {
        this.host = host;
        this.tls = tls;
        this.tunnel = tunnel;
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout.toMillis()));
    }

    /** Ends the tunnel, if any (the ssh forwarder with its master connection). */
    @Override
    public void close() {
        if (tunnel != null) {
            tunnel.close();
        }
    }

    /** A connected duplex byte stream with half-close. */
    public interface Duplex extends AutoCloseable {
        InputStream in();

        OutputStream out();

        /** Sends end-of-stream to the engine while still reading its output. */
        void closeOutput() throws IOException;

        /**
         * For an idle pooled connection: true when the engine closed it (or sent something unasked), so it must not
         * carry a request. An engine restart leaves every pooled connection like this.
         */
        boolean stale();

        @Override
        void close();
    }

    public Duplex dial() throws IOException {
        if (host.startsWith("unix://")) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(host.substring("unix://".length())));
            return channelDuplex(channel);
        }
        URI uri = URI.create(host);
        if (tls != null) {
            Socket plain = new Socket();
            plain.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), connectTimeoutMillis);
            SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, uri.getHost(), uri.getPort(),
                    true);
            socket.setSoTimeout(connectTimeoutMillis);
            socket.startHandshake();
            socket.setSoTimeout(0);
            return socketDuplex(socket);
        }
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), connectTimeoutMillis);
        socket.setTcpNoDelay(true);
        return socketDuplex(socket);
    }

    /** A connection's two directions and how to close them. */
    private record Streams(InputStream in, OutputStream out, HalfClose halfClose, java.io.Closeable whole,
            StaleCheck staleCheck) implements Duplex {
        @Override
        public boolean stale() {
            try {
                return staleCheck.stale();
            } catch (IOException e) {
                return true;
            }
        }

        @Override
        public void closeOutput() throws IOException {
            halfClose.run();
        }

        @Override
        public void close() {
            RawEngine.closeQuietly(whole);
        }
    }

    private interface HalfClose {
        void run() throws IOException;
    }

    private interface StaleCheck {
        boolean stale() throws IOException;
    }

    /**
     * Plain read/write on the channel: the JDK's Channels.newInputStream/newOutputStream share one lock, so a
     * blocked read would stop stdin from being written.
     */
    private static Duplex channelDuplex(SocketChannel channel) {
        InputStream in = new BulkInputStream() {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : channel.read(ByteBuffer.wrap(b, off, len));
            }
        };
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        };
        return new Streams(in, out, channel::shutdownOutput, channel, () -> {
            // an idle HTTP connection has nothing to read: end-of-stream or stray bytes both mean "do not reuse"
            channel.configureBlocking(false);
            try {
                return channel.read(ByteBuffer.allocate(1)) != 0;
            } finally {
                channel.configureBlocking(true);
            }
        });
    }

    private static Duplex socketDuplex(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        return new Streams(in, socket.getOutputStream(), socket::shutdownOutput, socket, () -> {
            if (socket.isClosed() || socket.isInputShutdown()) {
                return true;
            }
            socket.setSoTimeout(1);
            try {
                return in.read() != -2; // any answer (a byte or end-of-stream) means the engine is done with it
            } catch (java.net.SocketTimeoutException quiet) {
                return false;
            } finally {
                socket.setSoTimeout(0);
            }
        });
    }
}
