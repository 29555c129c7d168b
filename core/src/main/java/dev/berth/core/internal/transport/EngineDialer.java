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
    private final SshForwarder tunnel;

    public EngineDialer(String host, SSLContext tls) {
        this(host, tls, null);
    }

    /** For an engine reached through a local forwarder (ssh://): dials its socket and closes it last. */
    public EngineDialer(String host, SSLContext tls, SshForwarder tunnel) {
        this.host = host;
        this.tls = tls;
        this.tunnel = tunnel;
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
            SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(uri.getHost(), uri.getPort());
            socket.startHandshake();
            return socketDuplex(socket);
        }
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
        socket.setTcpNoDelay(true);
        return socketDuplex(socket);
    }

    /** A connection's two directions and how to close them. */
    private record Streams(InputStream in, OutputStream out, HalfClose halfClose, java.io.Closeable whole)
            implements Duplex {
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
        return new Streams(in, out, channel::shutdownOutput, channel);
    }

    private static Duplex socketDuplex(Socket socket) throws IOException {
        return new Streams(socket.getInputStream(), socket.getOutputStream(), socket::shutdownOutput, socket);
    }
}
