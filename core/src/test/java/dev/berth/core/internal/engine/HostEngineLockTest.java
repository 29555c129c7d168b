package dev.berth.core.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.DockerException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The engine lock orders holders inside one JVM and across JVMs (a second JVM holds it here). */
class HostEngineLockTest {
    private static final Duration SHORT = Duration.ofMillis(400);

    @Test
    void sharedHoldersCoexistAndKeepTheExclusiveOneOutInThisJvm() {
        HostEngineLock lock = HostEngineLock.forEngine("test-" + UUID.randomUUID());
        HostEngineLock.Held a = lock.shared(SHORT);
        HostEngineLock.Held b = lock.shared(SHORT);
        assertThrows(DockerException.class, () -> lock.exclusive(SHORT));
        a.close();
        assertThrows(DockerException.class, () -> lock.exclusive(SHORT));
        b.close();
        lock.exclusive(SHORT).close();
        deleteFile(lock);
    }

    private static void deleteFile(HostEngineLock lock) {
        try {
            java.nio.file.Files.deleteIfExists(lock.file());
            java.nio.file.Files.deleteIfExists(lock.file().resolveSibling(lock.file().getFileName() + ".gate"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anotherJvmHoldingItSharedKeepsTheExclusiveOneOutUntilItLets() throws Exception {
        String engine = "test-" + UUID.randomUUID();
        HostEngineLock lock = HostEngineLock.forEngine(engine);
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classPath(), LockHolder.class.getName(), engine).redirectErrorStream(true)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("held", out.readLine());
            assertThrows(DockerException.class, () -> lock.exclusive(SHORT), "the other JVM holds it shared");
            lock.shared(SHORT).close(); // but sharing with it is fine
            other.getOutputStream().close(); // lets it go
            assertEquals(0, other.waitFor());
            lock.exclusive(Duration.ofSeconds(10)).close();
        } finally {
            other.destroyForcibly();
            deleteFile(lock);
        }
    }

    /** Surefire puts the modules on the module path: the other JVM gets both on its class path. */
    private static String classPath() {
        String modules = System.getProperty("jdk.module.path", "");
        return System.getProperty("java.class.path") + (modules.isEmpty() ? "" : java.io.File.pathSeparator + modules);
    }

    /**
     * Two test JVMs hand the shared lock to each other between classes; a writer waiting meanwhile must get its
     * turn at the next hand-over instead of waiting for both to run out of classes.
     */
    @Test
    void aWaitingExclusiveHolderGoesBeforeSharedOnesThatComeAfterIt() throws Exception {
        String engine = "test-" + UUID.randomUUID();
        HostEngineLock lock = HostEngineLock.forEngine(engine);
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classPath(), LockHolder.class.getName(), engine).redirectErrorStream(true).start();
        var writerHeldAt = new java.util.concurrent.atomic.AtomicLong();
        Thread writer = new Thread(() -> {
            try (HostEngineLock.Held held = lock.exclusive(Duration.ofSeconds(20))) {
                writerHeldAt.set(System.nanoTime());
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("held", out.readLine());
            writer.start();
            Thread.sleep(300); // the writer is waiting for the other JVM now
            other.getOutputStream().write("again\n".getBytes(StandardCharsets.UTF_8));
            other.getOutputStream().flush(); // it lets go and asks for the shared lock again at once
            assertEquals("held again", out.readLine());
            long otherHeldAgainAt = System.nanoTime();
            writer.join(20_000);
            assertTrue(writerHeldAt.get() != 0 && writerHeldAt.get() < otherHeldAgainAt,
                    "the waiting writer went first");
            other.getOutputStream().close();
            assertEquals(0, other.waitFor());
        } finally {
            other.destroyForcibly();
            writer.join(20_000);
            deleteFile(lock);
        }
    }

    /** The other JVM: holds the lock shared; on "again" lets go and takes it anew; exits when stdin closes. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            HostEngineLock lock = HostEngineLock.forEngine(args[0]);
            HostEngineLock.Held held = lock.shared(Duration.ofSeconds(10));
            System.out.println("held");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while ("again".equals(in.readLine())) {
                held.close();
                held = lock.shared(Duration.ofSeconds(20));
                System.out.println("held again");
                System.out.flush();
            }
            held.close();
        }
    }
}
