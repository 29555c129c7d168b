package dev.berth.core.internal.wait;

import dev.berth.InvalidSpecException;
import dev.berth.Wait;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Waits checked from the host, through the container's published ports: {@link Wait.Port}, {@link Wait.Http}. */
final class HostChecks {
    private HostChecks() {
    }

    /** Host-side waits need the port published; say so at once rather than at the timeout. */
    private static void requirePublished(WaitTarget container, int port, Wait wait) {
        if (!container.mayPublish(port)) {
            throw new InvalidSpecException("wait", wait, "it checks container port " + port
                    + " from the host, but the spec does not publish that port",
                    "add .publish(" + port + ") to the spec, or use Wait.log/Wait.exec");
        }
    }

    /** The host port, or null while the engine has not published it (e.g. the container is just stopping). */
    private static Integer publishedPort(WaitChecks.Base check, int port) {
        try {
            return check.container.hostPort(port);
        } catch (InvalidSpecException notYet) {
            check.progress = "port " + port + " is not published (is the container running?)";
            return null;
        }
    }

    /**
     * Connects from the host. Docker's port proxy accepts even when nothing listens inside and then drops the
     * connection, so an accepted connection must also stay open for a moment (or send data) to count. Under load the
     * proxy can hold a doomed connection longer than that moment (seen with MariaDB's init server, which does not
     * listen, on a loaded 28.5 engine), so a host-side success is confirmed inside the container: its
     * /proc/net/tcp{,6} must show a listening socket on the port. Images without {@code cat} keep the host verdict.
     */
    static final class PortCheck extends WaitChecks.Base {
        private final int port;
        private boolean confirmInside = true;

        PortCheck(WaitTarget container, Wait.Port wait, long deadline) {
            super(container, wait, deadline, Backoff.hostSide(wait.pollEvery()));
            requirePublished(container, wait.containerPort(), wait);
            this.port = wait.containerPort();
        }

        @Override
        public boolean poll() {
            Integer hostPort = publishedPort(this, port);
            if (hostPort == null) {
                return false;
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(container.host(), hostPort), 1000);
                socket.setSoTimeout(25);
                try {
                    if (socket.getInputStream().read() < 0) {
                        progress = "connection to " + hostPort + " was accepted, then closed (nothing listening yet)";
                        return false;
                    }
                } catch (SocketTimeoutException stillOpen) {
                    // open for the moment: a candidate, confirmed below
                }
            } catch (IOException e) {
                progress = "connect to " + container.host() + ":" + hostPort + ": " + e.getMessage();
                return false;
            }
            return listensInside();
        }

        private boolean listensInside() {
            if (!confirmInside) {
                return true;
            }
            dev.berth.ExecResult result;
            try {
                result = container.exec("cat", "/proc/net/tcp", "/proc/net/tcp6");
            } catch (dev.berth.DockerException noExec) {
                confirmInside = false;
                return true;
            }
            if (result.exitCode() != 0 && result.stdout().isEmpty()) {
                confirmInside = false; // no cat in the image: the host-side check is all there is
                return true;
            }
            if (ProcNetTcp.listens(result.stdout(), port)) {
                return true;
            }
            progress = "the port proxy accepted a connection, but nothing listens on " + port + " inside yet";
            return false;
        }
    }

    static final class HttpCheck extends WaitChecks.Base {
        private final Wait.Http wait;

        HttpCheck(WaitTarget container, Wait.Http wait, long deadline) {
            super(container, wait, deadline, Backoff.hostSide(wait.pollEvery()));
            requirePublished(container, wait.containerPort(), wait);
            this.wait = wait;
        }

        @Override
        public boolean poll() {
            String path = wait.path().startsWith("/") ? wait.path() : "/" + wait.path();
            Integer hostPort = publishedPort(this, wait.containerPort());
            if (hostPort == null) {
                return false;
            }
            URI uri = URI.create("http://" + container.host() + ":" + hostPort + path);
            HttpURLConnection connection = null;
            try {
                connection = (HttpURLConnection) uri.toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(2000);
                connection.setUseCaches(false);
                int status = connection.getResponseCode();
                String body = read(status >= 400 ? connection.getErrorStream() : connection.getInputStream());
                if (!wait.status().test(status)) {
                    progress = "GET " + uri + " answered " + status;
                    return false;
                }
                if (!wait.body().test(body)) {
                    progress = "GET " + uri + " answered " + status + " but the body did not match ("
                            + wait.bodyRule() + ")";
                    return false;
                }
                return true;
            } catch (IOException e) {
                progress = "GET " + uri + ": " + e;
                return false;
            } finally {
                if (connection != null) {
                    connection.disconnect();
                }
            }
        }

        private static String read(InputStream in) throws IOException {
            if (in == null) {
                return "";
            }
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
