package dev.berth.core.internal.wait;

import dev.berth.ContainerNotRunningException;
import dev.berth.Health;
import dev.berth.InvalidSpecException;
import dev.berth.LogFollow;
import dev.berth.LogOptions;
import dev.berth.Wait;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The checks behind each {@link Wait} kind. */
final class WaitChecks {
    private WaitChecks() {
    }

    static WaitCheck of(WaitTarget container, Wait wait, ExitWatch exit, long parentDeadline) {
        long deadline = Math.min(parentDeadline, System.nanoTime() + wait.timeout().toNanos());
        if (wait instanceof Wait.Log w) {
            return new LogCheck(container, w, deadline);
        } else if (wait instanceof Wait.Port w) {
            return new PortCheck(container, w, deadline);
        } else if (wait instanceof Wait.Http w) {
            return new HttpCheck(container, w, deadline);
        } else if (wait instanceof Wait.Healthy w) {
            return new HealthyCheck(container, w, deadline);
        } else if (wait instanceof Wait.Exec w) {
            return new ExecCheck(container, w, deadline);
        } else if (wait instanceof Wait.Exited w) {
            return new ExitedCheck(w, exit, deadline);
        } else if (wait instanceof Wait.All w) {
            return new AllCheck(container, w, exit, deadline);
        } else if (wait instanceof Wait.Any w) {
            return new AnyCheck(container, w, exit, deadline);
        }
        throw new IllegalArgumentException("unknown wait " + wait);
    }

    static boolean waitsForExit(Wait wait) {
        if (wait instanceof Wait.Exited) {
            return true;
        }
        if (wait instanceof Wait.All all) {
            return all.waits().stream().anyMatch(WaitChecks::waitsForExit);
        }
        if (wait instanceof Wait.Any any) {
            return any.waits().stream().anyMatch(WaitChecks::waitsForExit);
        }
        return false;
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
    private static Integer publishedPort(Base check, int port) {
        try {
            return check.container.hostPort(port);
        } catch (InvalidSpecException notYet) {
            check.progress = "port " + port + " is not published (is the container running?)";
            return null;
        }
    }

    /** Shared state: the description, deadline, backoff and last progress. */
    private abstract static class Base implements WaitCheck {
        final WaitTarget container;
        final Backoff backoff;
        private final long deadline;
        private final String description;
        volatile String progress = "not checked yet";

        Base(WaitTarget container, Wait wait, long deadline, Backoff backoff) {
            this.container = container;
            this.deadline = deadline;
            this.description = wait.toString();
            this.backoff = backoff;
        }

        @Override
        public long delayNanos() {
            return backoff.nextNanos();
        }

        @Override
        public String progress() {
            return progress;
        }

        @Override
        public long deadline() {
            return deadline;
        }

        @Override
        public String describe() {
            return description;
        }
    }

    /**
     * Follows the log from the beginning and counts matching lines as they arrive. A follow whose stream broke (a
     * short engine outage, a cut connection) is opened again from the last timestamp seen, skipping what was
     * already counted: without that the wait reported a timeout although the line had arrived.
     */
    static final class LogCheck extends Base {
        private static final int MAX_REOPENS = 5;
        private final AtomicInteger matches = new AtomicInteger();
        private final int times;
        private final Wait.Log wait;
        private volatile java.time.Instant lastSeen;
        private LogFollow follow;
        private int reopens;

        LogCheck(WaitTarget container, Wait.Log wait, long deadline) {
            super(container, wait, deadline, Backoff.hostSide(null));
            this.times = wait.times();
            this.wait = wait;
            this.follow = open(LogOptions.all().withTimestamps());
        }

        private LogFollow open(LogOptions options) {
            java.time.Instant after = lastSeen;
            return container.logs().follow(options, line -> {
                if (after != null && line.timestamp() != null && !line.timestamp().isAfter(after)) {
                    return; // counted before the stream broke
                }
                if (line.timestamp() != null) {
                    lastSeen = line.timestamp();
                }
                if (wait.pattern().matcher(line.text()).find()) {
                    matches.incrementAndGet();
                }
            });
        }

        @Override
        public boolean poll() {
            int seen = matches.get();
            progress = seen + " of " + times + " matching lines";
            if (seen >= times) {
                return true;
            }
            if (follow instanceof FollowHealth health && health.failure() != null) {
                reopen(health.failure());
            }
            return false;
        }

        private void reopen(Throwable failure) {
            if (++reopens > MAX_REOPENS) {
                follow.awaitEnd(java.time.Duration.ZERO); // throws the typed error of the last break
            }
            follow.close();
            java.time.Instant from = lastSeen;
            LogOptions options = from == null ? LogOptions.all().withTimestamps()
                    : LogOptions.all().since(from).withTimestamps();
            try {
                follow = open(options);
            } catch (dev.berth.DockerException e) {
                e.addSuppressed(failure);
                throw e;
            }
            progress = matches.get() + " of " + times + " matching lines (log stream reopened after: "
                    + failure.getMessage() + ")";
        }

        @Override
        public void close() {
            follow.close();
        }
    }

    /**
     * Connects from the host. Docker's port proxy accepts even when nothing listens inside and then drops the
     * connection, so an accepted connection must also stay open for a moment (or send data) to count.
     */
    static final class PortCheck extends Base {
        private final int port;

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
                    return true;
                } catch (SocketTimeoutException stillOpen) {
                    return true;
                }
            } catch (IOException e) {
                progress = "connect to " + container.host() + ":" + hostPort + ": " + e.getMessage();
                return false;
            }
        }
    }

    static final class HttpCheck extends Base {
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

    static final class HealthyCheck extends Base {
        HealthyCheck(WaitTarget container, Wait.Healthy wait, long deadline) {
            super(container, wait, deadline, Backoff.engineSide(wait.pollEvery()));
        }

        @Override
        public boolean poll() {
            Health health = container.inspect().health();
            if (health == Health.NONE) {
                throw new InvalidSpecException("wait", "healthy", "container " + container.label()
                        + " has no health check", "add .healthCheck(HealthCheck.cmd(...)) to the spec, or wait for"
                        + " something else (Wait.port, Wait.http, Wait.log)");
            }
            progress = "health is " + health.name().toLowerCase(java.util.Locale.ROOT);
            return health == Health.HEALTHY;
        }
    }

    static final class ExecCheck extends Base {
        private final String[] command;

        ExecCheck(WaitTarget container, Wait.Exec wait, long deadline) {
            super(container, wait, deadline, new Backoff(java.time.Duration.ofMillis(25),
                    java.time.Duration.ofMillis(250), wait.pollEvery()));
            this.command = wait.command().toArray(String[]::new);
        }

        @Override
        public boolean poll() {
            try {
                var result = container.exec(command);
                progress = "last exit code " + result.exitCode() + (result.stderr().isBlank() ? ""
                        : ": " + result.stderr().strip());
                return result.succeeded();
            } catch (ContainerNotRunningException e) {
                progress = "container not running";
                return false;
            }
        }
    }

    static final class ExitedCheck implements WaitCheck {
        private final ExitWatch exit;
        private final long deadline;

        ExitedCheck(Wait.Exited wait, ExitWatch exit, long deadline) {
            this.exit = exit;
            this.deadline = deadline;
        }

        @Override
        public boolean poll() {
            return exit.exited();
        }

        @Override
        public long delayNanos() {
            return 5_000_000;
        }

        @Override
        public String progress() {
            return "still running";
        }

        @Override
        public long deadline() {
            return deadline;
        }

        @Override
        public String describe() {
            return "exited";
        }
    }

    /** Polls its parts side by side; a part that holds is not polled again. */
    abstract static class Composite implements WaitCheck {
        final List<WaitCheck> parts = new ArrayList<>();
        private final long deadline;
        private final String description;

        Composite(WaitTarget container, List<Wait> waits, ExitWatch exit, long deadline, String description) {
            this.deadline = deadline;
            this.description = description;
            try {
                for (Wait wait : waits) {
                    parts.add(of(container, wait, exit, deadline));
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        public long delayNanos() {
            return parts.stream().mapToLong(WaitCheck::delayNanos).min().orElse(5_000_000);
        }

        @Override
        public long deadline() {
            return deadline;
        }

        @Override
        public String describe() {
            return description;
        }

        @Override
        public void close() {
            parts.forEach(WaitCheck::close);
        }
    }

    static final class AllCheck extends Composite {
        private final List<WaitCheck> pending;

        AllCheck(WaitTarget container, Wait.All wait, ExitWatch exit, long deadline) {
            super(container, wait.waits(), exit, deadline, wait.toString());
            this.pending = new ArrayList<>(parts);
        }

        @Override
        public boolean poll() {
            pending.removeIf(WaitCheck::poll);
            return pending.isEmpty();
        }

        @Override
        public long deadline() {
            return pending.stream().mapToLong(WaitCheck::deadline).min().orElse(super.deadline());
        }

        @Override
        public String progress() {
            return pending.isEmpty() ? "done" : pending.get(0).describe() + ": " + pending.get(0).progress();
        }
    }

    static final class AnyCheck extends Composite {
        AnyCheck(WaitTarget container, Wait.Any wait, ExitWatch exit, long deadline) {
            super(container, wait.waits(), exit, deadline, wait.toString());
        }

        @Override
        public boolean poll() {
            for (WaitCheck part : parts) {
                if (part.poll()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public long deadline() {
            return parts.stream().mapToLong(WaitCheck::deadline).max().orElse(super.deadline());
        }

        @Override
        public String progress() {
            StringBuilder text = new StringBuilder();
            parts.forEach(p -> text.append(text.length() == 0 ? "" : "; ").append(p.describe()).append(": ")
                    .append(p.progress()));
            return text.toString();
        }
    }
}
