package dev.berth.core.internal.engine;

import dev.berth.DockerException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A host-wide reader/writer lock per engine socket, for test suites that share one engine: ordinary engine tests
 * hold it shared, tests that turn the engine into a swarm manager hold it exclusively (a swarm adds networks and
 * changes what {@code docker info} says under everyone else's feet).
 *
 * <p>Why two layers: an OS file lock ({@link FileChannel#lock}) is held per process, and one JVM may not take two
 * overlapping locks on the same file; so inside the JVM a {@link ReentrantReadWriteLock} orders the holders, and
 * the file lock (shared while any reader holds, exclusive for the writer) orders the JVMs.
 */
public final class HostEngineLock {
    private static final Map<String, HostEngineLock> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final ReentrantReadWriteLock local = new ReentrantReadWriteLock(true);
    private FileChannel channel;
    private FileLock fileLock;
    private int readers;

    private HostEngineLock(Path file) {
        this.file = file;
    }

    /** The lock for the engine {@code DOCKER_HOST} names (the default socket when unset). */
    public static HostEngineLock forCurrentEngine() {
        String host = System.getenv().getOrDefault("DOCKER_HOST", "");
        return forEngine(host.isBlank() ? "unix:///var/run/docker.sock" : host);
    }

    /**
     * One lock for the whole host, whatever the engine: a swarm member listens on the host's port 2377 (and 7946,
     * 4789), so two engines on one host cannot both be in a swarm. Swarm tests hold it exclusively, before the
     * engine's own lock.
     */
    public static HostEngineLock forSwarmPorts() {
        return forEngine("swarm-ports");
    }

    public static HostEngineLock forEngine(String engine) {
        String key = engine.replaceAll("[^A-Za-z0-9._-]", "_");
        return LOCKS.computeIfAbsent(key, k -> new HostEngineLock(
                Path.of(System.getProperty("java.io.tmpdir"), "berth-engine-" + k + ".lock")));
    }

    /** A held lock; closing releases it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Shared: any number of ordinary engine tests, in any number of JVMs, at once. */
    public Held shared(Duration timeout) {
        acquireLocal(local.readLock(), timeout);
        try {
            synchronized (this) {
                if (readers == 0) {
                    takeFileLock(true, timeout);
                }
                readers++;
            }
        } catch (RuntimeException e) {
            local.readLock().unlock();
            throw e;
        }
        return () -> {
            synchronized (this) {
                if (--readers == 0) {
                    releaseFileLock();
                }
            }
            local.readLock().unlock();
        };
    }

    /** Exclusive: no other holder in any JVM until closed. */
    public Held exclusive(Duration timeout) {
        acquireLocal(local.writeLock(), timeout);
        try {
            synchronized (this) {
                takeFileLock(false, timeout);
            }
        } catch (RuntimeException e) {
            local.writeLock().unlock();
            throw e;
        }
        return () -> {
            synchronized (this) {
                releaseFileLock();
            }
            local.writeLock().unlock();
        };
    }

    public Path file() {
        return file;
    }

    private void acquireLocal(java.util.concurrent.locks.Lock lock, Duration timeout) {
        try {
            if (!lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw timedOut(timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException("Interrupted while waiting for the engine lock " + file, e);
        }
    }

    /**
     * Polls tryLock so the wait is bounded (FileChannel.lock has no timeout). Both kinds pass a gate file first and
     * a writer keeps it while it waits: readers that come after a waiting writer queue behind it, where they would
     * otherwise overtake it for ever (two test JVMs hand the shared lock to each other between their classes).
     */
    private void takeFileLock(boolean shared, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (FileChannel gate = open(gateFile())) {
            poll(gate, shared, deadline, timeout); // released when the gate channel closes, once the real lock is held
            channel = open(file);
            try {
                fileLock = poll(channel, shared, deadline, timeout);
            } catch (RuntimeException e) {
                channel.close();
                channel = null;
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + file, e);
        }
    }

    private Path gateFile() {
        return file.resolveSibling(file.getFileName() + ".gate");
    }

    private FileLock poll(FileChannel opened, boolean shared, long deadline, Duration timeout) throws IOException {
        try {
            while (true) {
                FileLock lock = opened.tryLock(0, Long.MAX_VALUE, shared);
                if (lock != null) {
                    return lock;
                }
                if (System.nanoTime() > deadline) {
                    throw timedOut(timeout);
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException("Interrupted while waiting for the engine lock " + file, e);
        }
    }

    private static FileChannel open(Path path) throws IOException {
        FileChannel opened = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            // Other users' test runs must be able to open it too.
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw-rw-"));
        } catch (IOException | UnsupportedOperationException ignored) {
            // not the owner, or not a POSIX file system: whoever made it chose
        }
        return opened;
    }

    private void releaseFileLock() {
        try {
            if (fileLock != null) {
                fileLock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release " + file, e);
        } finally {
            fileLock = null;
            channel = null;
        }
    }

    private DockerException timedOut(Duration timeout) {
        return new DockerException("Waited " + timeout.toSeconds() + " s for the engine lock " + file
                + ": another test run holds the engine (a swarm test holds it exclusively). Wait for it to finish, or"
                + " find the holder with `fuser " + file + "`.");
    }
}
