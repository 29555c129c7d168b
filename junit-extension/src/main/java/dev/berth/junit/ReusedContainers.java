package dev.berth.junit;

import dev.berth.ConflictException;
import dev.berth.Container;
import dev.berth.ContainerFilter;
import dev.berth.ContainerSpec;
import dev.berth.ContainerState;
import dev.berth.ContainerSummary;
import dev.berth.Docker;
import dev.berth.DockerException;
import dev.berth.NameConflictException;
import dev.berth.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Containers kept across runs. A reusable container is named after its spec's fingerprint (or the spec's own
 * name) and labelled {@value #REUSE}=true, {@value #HASH}, {@value #TTL}, so {@code docker ps} shows what is kept and
 * for how long.
 *
 * <p>Who starts it: the <b>container name is the lock</b>. Creating a container with a name is atomic in the
 * engine, so when two JVMs (or two machines on one engine) race, exactly one create succeeds; the other gets a name
 * conflict and adopts the winner's container once it is running and its waits hold. Unlike a lock file, this needs
 * no shared file system, and nothing stale is left when a JVM is killed: a dead winner leaves at worst a stopped
 * container, which the next run removes and replaces.
 *
 * <p>Who may remove it: a run holds a <b>shared file lock</b> on {@code <stateDir>/<engine>-<name>.lock} while it
 * uses the container, and touches the file when it starts and stops using it (the file's time is "last used").
 * Before adopting, a run removes reusable containers idle for longer than their TTL, but only after taking that
 * file's exclusive lock, which it cannot get while any JVM on this machine uses the container. The OS drops file
 * locks of a dead process, so no lock outlives its JVM. (A run on another machine sharing the engine does not see
 * these locks; it still never removes a container that was used within its TTL.)
 */
final class ReusedContainers {
    static final String REUSE = "dev.berth.reuse";
    static final String HASH = "dev.berth.reuse.hash";
    static final String TTL = "dev.berth.reuse.ttl";
    static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(ReusedContainers.class);
    /** One shared lock per container name per JVM (the JDK refuses overlapping locks within one process). */
    private static final Map<Path, UseLock> LOCKS = new ConcurrentHashMap<>();

    private ReusedContainers() {
    }

    /** A reusable container in use by this JVM; {@link #close()} gives it back (the container keeps running). */
    record Adoption(Container container, boolean adopted, UseLock lock) implements AutoCloseable {
        @Override
        public void close() {
            lock.release();
        }
    }

    static String nameFor(ContainerSpec spec) {
        return spec.name() != null ? spec.name() : "berth-reuse-" + spec.fingerprint().substring(0, 16);
    }

    static Adoption adoptOrStart(Docker docker, ContainerSpec spec, Duration ttl, Path stateDir) {
        String hash = spec.fingerprint();
        String name = nameFor(spec);
        removeExpired(docker, stateDir);
        UseLock lock = UseLock.acquire(lockFile(docker, stateDir, name));
        try {
            ContainerSpec labelled = spec.name(name).label(REUSE, "true").label(dev.berth.BerthLabels.KEEP, "true").label(HASH, hash)
                    .label(TTL, String.valueOf(ttl.toSeconds()));
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (true) {
                var existing = docker.containers().find(name);
                if (existing.isEmpty()) {
                    try {
                        Container started = docker.containers().run(labelled);
                        LOG.info("Started {} for reuse ({})", name, spec.imageName());
                        return new Adoption(started, false, lock);
                    } catch (NameConflictException raced) {
                        LOG.info("Another run created {} first; adopting it once ready", name);
                        continue;
                    }
                }
                Container found = existing.get();
                Container adopted = adoptIfReady(found, spec, hash, name, deadline);
                if (adopted != null) {
                    LOG.info("Reusing {} ({})", name, spec.imageName());
                    return new Adoption(adopted, true, lock);
                }
            }
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /** The container once running and ready; null when it was gone or dead (removed) and must be started anew. */
    private static Container adoptIfReady(Container found, ContainerSpec spec, String hash, String name,
            Instant deadline) {
        ContainerState state;
        try {
            state = found.inspect();
        } catch (dev.berth.ContainerNotFoundException gone) {
            return null;
        }
        if (!hash.equals(state.labels().get(HASH))) {
            throw new ConflictException("A container named '" + name + "' exists but was not made for reuse from this"
                    + " spec (label " + HASH + " is " + state.labels().get(HASH) + ", this spec's is " + hash + ")."
                    + " Remove it (docker rm -f " + name + ") or give the reused spec another name.", null);
        }
        switch (state.status()) {
            case RUNNING -> {
                for (Wait wait : spec.waits()) {
                    found.waitFor(wait); // also when the winner of a race is still waiting for it itself
                }
                return found;
            }
            case CREATED, RESTARTING -> {
                // another JVM is between create and start: give it time, then treat it as abandoned
                if (Instant.now().isAfter(deadline)) {
                    throw new DockerException("The reusable container '" + name + "' stayed " + state.status()
                            + " for " + START_TIMEOUT.toMinutes() + " minutes: the run that created it died."
                            + " Remove it (docker rm -f " + name + ") and run again.");
                }
                sleep(Duration.ofMillis(50));
                return null;
            }
            default -> {
                LOG.info("Removing reusable container {}: it is {} (exit {})", name, state.status(), state.exitCode());
                found.close();
                return null;
            }
        }
    }

    /**
     * Removes reusable containers of this engine idle for longer than their TTL and not in use on this machine.
     * Idle time counts from the last use recorded in the lock file, or from creation when there is none.
     */
    static void removeExpired(Docker docker, Path stateDir) {
        for (ContainerSummary summary : docker.containers().list(ContainerFilter.all().label(REUSE, "true"))) {
            Duration ttl = ttlOf(summary);
            if (ttl == null) {
                continue;
            }
            Path file = lockFile(docker, stateDir, summary.name());
            try {
                Instant lastUsed = Files.exists(file) ? Files.getLastModifiedTime(file).toInstant() : summary.created();
                if (lastUsed == null || Instant.now().isBefore(lastUsed.plus(ttl))) {
                    continue;
                }
                try (FileChannel channel = openLockFile(file); FileLock exclusive = tryExclusive(channel)) {
                    if (exclusive == null) {
                        continue; // in use on this machine
                    }
                    LOG.info("Removing reusable container {}: idle for more than {}", summary.name(), ttl);
                    docker.containers().find(summary.id()).ifPresent(Container::close);
                }
            } catch (IOException e) {
                LOG.warn("Cannot check reuse lock {}: {}", file, e.toString());
            }
        }
    }

    private static Duration ttlOf(ContainerSummary summary) {
        try {
            return Duration.ofSeconds(Long.parseLong(summary.labels().getOrDefault(TTL, "")));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static FileLock tryExclusive(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException inUseByThisJvm) {
            return null;
        }
    }

    /** Per engine, so two engines with a container of the same name do not share a lock. */
    static Path lockFile(Docker docker, Path stateDir, String name) {
        String engine = Integer.toHexString(docker.endpoint().host().hashCode());
        return stateDir.resolve(engine + "-" + name + ".lock");
    }

    private static FileChannel openLockFile(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException("Interrupted while waiting for a reusable container", e);
        }
    }

    /** This JVM's shared lock on one container's lock file, counted over the scopes that use it. */
    static final class UseLock {
        private final Path file;
        private FileChannel channel; // guarded by this
        private FileLock lock;
        private int users;

        private UseLock(Path file) {
            this.file = file;
        }

        static UseLock acquire(Path file) {
            UseLock lock = LOCKS.computeIfAbsent(file, UseLock::new);
            lock.take();
            return lock;
        }

        private synchronized void take() {
            try {
                if (users == 0) {
                    channel = openLockFile(file);
                    lock = channel.lock(0, Long.MAX_VALUE, true); // waits while a sweeper holds it exclusively
                }
                users++;
                touch();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot lock " + file + " for a reused container", e);
            }
        }

        synchronized void release() {
            if (users == 0) {
                return;
            }
            touch();
            if (--users == 0) {
                try {
                    lock.release();
                    channel.close();
                } catch (IOException e) {
                    LOG.warn("Cannot release reuse lock {}: {}", file, e.toString());
                }
            }
        }

        private void touch() {
            try {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            } catch (IOException e) {
                LOG.warn("Cannot record the last use of {}: {}", file, e.toString());
            }
        }
    }
}
