package dev.berth.core.internal.transport;

import dev.berth.EngineUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Makes an ssh:// engine look like a local unix socket: a private socket in a fresh 0700 temporary folder (nothing in
 * the user's home), where each accepted connection becomes one {@code ssh … docker system dial-stdio} process with
 * bytes pumped both ways. docker-java's transport and Berth's own stream dialer then connect to
 * {@link #socketUri()} like to any local engine. End of input from the client closes ssh's stdin, which
 * dial-stdio passes on as a half-close, so a process reading stdin to the end (exec with stdin) sees EOF.
 * Connections share one authenticated ssh master (ControlMaster in the same folder) unless the user's ssh options
 * manage that themselves.
 */
public final class SshForwarder implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;

    private final String url;
    private final String source;
    private final SshCommand command;
    private final Path dir;
    private final Path socket;
    private final ServerSocketChannel server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "berth-ssh");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Process> live = ConcurrentHashMap.newKeySet();
    /**
     * One session started ahead of need: a new connection then skips the process start, the ssh session and the
     * remote docker CLI's start (about half of a new connection's cost, see benchmarks/results/ssh.json).
     */
    private final java.util.concurrent.atomic.AtomicReference<Session> spare =
            new java.util.concurrent.atomic.AtomicReference<>();
    private volatile SshFailure lastFailure;
    private volatile boolean closed;

    private SshForwarder(String url, String source, SshCommand command, Path dir, Path socket,
            ServerSocketChannel server) {
        this.url = url;
        this.source = source;
        this.command = command;
        this.dir = dir;
        this.socket = socket;
        this.server = server;
    }

    /**
     * Checks the address, finds ssh, logs in once (the master; its failure is reported with ssh's own words) and
     * starts listening. Throws {@link EngineUnavailableException} with a fix for every failure.
     */
    public static SshForwarder start(String url, String source, Map<String, String> env, List<String> userOptions,
            Duration connectTimeout) {
        SshDestination destination = SshDestination.parse(url, source);
        Path ssh = SshCommand.find(env, url);
        Path dir = privateDirectory();
        // If the JVM ends without close(): files are deleted before their folder (reverse order of registration).
        for (Path path : List.of(dir, dir.resolve("master.log"), dir.resolve("docker.sock"), dir.resolve("mux"))) {
            path.toFile().deleteOnExit();
        }
        boolean multiplex = !SshCommand.userControlsMultiplexing(userOptions);
        SshCommand command = new SshCommand(ssh, userOptions, destination, multiplex ? dir.resolve("mux") : null,
                connectTimeout);
        try {
            if (multiplex) {
                startMaster(command, dir, url, source, connectTimeout);
            }
            Path socket = dir.resolve("docker.sock");
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            SshForwarder forwarder = new SshForwarder(url, source, command, dir, socket, server);
            forwarder.threads.execute(forwarder::acceptLoop);
            return forwarder;
        } catch (IOException e) {
            abandon(command, dir);
            throw new EngineUnavailableException("Cannot open the local socket for " + url + " in " + dir + ": "
                    + e.getMessage() + ". Check that java.io.tmpdir is writable.", List.of(url + ": " + e), e);
        } catch (RuntimeException e) {
            abandon(command, dir);
            throw e;
        }
    }

    /** Undoes a start that failed half-way: the master, if it came up, and the folder. */
    private static void abandon(SshCommand command, Path dir) {
        if (command.controlPath() != null && Files.exists(command.controlPath())) {
            run(command.exitMaster(), Duration.ofSeconds(5));
        }
        deleteQuietly(dir);
    }

    /** Where local clients connect, as a docker host address. */
    public String socketUri() {
        return "unix://" + socket;
    }

    /**
     * The error to show when a call through the forwarder failed: ssh's or dial-stdio's own words when one of them
     * exited badly, else the transport's.
     */
    public EngineUnavailableException explain(Throwable cause) {
        SshFailure failure = lastFailure;
        if (failure != null) {
            return failure.toException(url, source, cause);
        }
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new EngineUnavailableException("Cannot reach the Docker engine at " + url + " (from " + source
                + ") over ssh: " + why + ". Fix: check that `ssh " + url.substring("ssh://".length())
                + " docker version` works from this machine.", List.of(url + " (" + source + "): " + why), cause);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        if (command.controlPath() != null) {
            run(command.exitMaster(), Duration.ofSeconds(5));
        }
        live.forEach(Process::destroy);
        threads.shutdownNow();
        deleteQuietly(dir);
    }

    private static Path privateDirectory() {
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                return Files.createTempDirectory("berth-ssh-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            return Files.createTempDirectory("berth-ssh-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a private temporary folder for ssh", e);
        }
    }

    /** Logs in once; with ControlPersist ssh leaves the master in the background and exits 0 once authenticated. */
    private static void startMaster(SshCommand command, Path dir, String url, String source, Duration connectTimeout)
            throws IOException {
        Path log = dir.resolve("master.log");
        Process master = new ProcessBuilder(command.master()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile()).start();
        master.getOutputStream().close();
        try {
            // ConnectTimeout bounds the TCP connect; the rest (key exchange, login) gets a fixed allowance.
            if (!master.waitFor(connectTimeout.toMillis() + 30_000, TimeUnit.MILLISECONDS)) {
                master.destroyForcibly();
                throw new SshFailure("ssh (login)", -1, "no answer within " + connectTimeout.plusSeconds(30)
                        .toSeconds() + " s\n" + Files.readString(log)).toException(url, source, null);
            }
        } catch (InterruptedException e) {
            master.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new EngineUnavailableException("Interrupted while logging in to " + url, List.of(url), e);
        }
        if (master.exitValue() != 0) {
            throw new SshFailure("ssh (login)", master.exitValue(), Files.readString(log))
                    .toException(url, source, null);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            threads.execute(() -> bridge(client));
        }
    }

    /** One ssh process running dial-stdio, and the tail of what it printed on stderr. */
    private record Session(Process process, StderrTail stderr) {
    }

    private Session startSession() throws IOException {
        Process process = new ProcessBuilder(command.dialStdio()).start();
        live.add(process);
        StderrTail stderr = new StderrTail(process.getErrorStream());
        threads.execute(stderr);
        if (closed) {
            process.destroy(); // close() may already have gone through live
        }
        return new Session(process, stderr);
    }

    /** The spare if it is still usable (a remote that refuses ends it at once; then a fresh one tells why). */
    private Session takeSpare() {
        Session session = spare.getAndSet(null);
        if (session != null && !session.process().isAlive()) {
            live.remove(session.process());
            return null;
        }
        return session;
    }

    private void refillSpare() {
        if (closed || spare.get() != null) {
            return;
        }
        try {
            Session session = startSession();
            if (!spare.compareAndSet(null, session)) {
                session.process().destroy();
                live.remove(session.process());
            }
        } catch (IOException e) {
            // no spare this time; the next connection starts its own session and reports the failure
        }
    }

    /** One client connection = one ssh session running dial-stdio; this thread copies the engine's side back. */
    private void bridge(SocketChannel client) {
        Session session = takeSpare();
        if (session == null) {
            try {
                session = startSession();
            } catch (IOException e) {
                lastFailure = new SshFailure("ssh", -1, String.valueOf(e.getMessage()));
                closeQuietly(client);
                return;
            }
        }
        threads.execute(this::refillSpare);
        Process process = session.process();
        threads.execute(() -> upstream(client, process.getOutputStream()));
        try {
            downstream(process.getInputStream(), client);
            if (process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() != 0 && !closed) {
                // Recorded before the client sees the connection end, so a failed call can be explained.
                lastFailure = new SshFailure("ssh " + String.join(" ", SshCommand.DIAL_STDIO), process.exitValue(),
                        session.stderr().await());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(client);
            process.destroy();
            live.remove(process);
        }
    }

    /** Client to ssh's stdin; the client's end of input (or its going away) closes stdin: dial-stdio half-closes. */
    private static void upstream(SocketChannel client, OutputStream toSsh) {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        try {
            while (client.read(buffer) >= 0) {
                toSsh.write(buffer.array(), 0, buffer.position());
                toSsh.flush();
                buffer.clear();
            }
        } catch (IOException ignored) {
            // client gone or ssh gone: either way stdin ends below
        } finally {
            try {
                toSsh.close();
            } catch (IOException ignored) {
                // ssh already exited
            }
        }
    }

    /** ssh's stdout to the client until ssh ends it or the client goes away. */
    private static void downstream(InputStream fromSsh, SocketChannel client) {
        byte[] buffer = new byte[BUFFER];
        try {
            for (int n = fromSsh.read(buffer); n >= 0; n = fromSsh.read(buffer)) {
                ByteBuffer out = ByteBuffer.wrap(buffer, 0, n);
                while (out.hasRemaining()) {
                    client.write(out);
                }
            }
        } catch (IOException ignored) {
            // the client closed its connection; the finally block in bridge ends ssh
        }
    }

    private static void run(List<String> commandLine, Duration timeout) {
        try {
            Process process = new ProcessBuilder(commandLine).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            // best effort: the master also ends by itself (ControlPersist) once idle
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // nothing left to delete, or a file in use: temporary folder anyway
        }
    }
}
