package dev.berth.core.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    /** The other JVM: holds the lock shared until its stdin closes. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            try (HostEngineLock.Held held = HostEngineLock.forEngine(args[0]).shared(Duration.ofSeconds(10))) {
                System.out.println("held");
                System.out.flush();
                System.in.read();
            }
        }
    }
}
