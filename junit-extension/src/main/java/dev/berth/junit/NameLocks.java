package dev.berth.junit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * One holder at a time per fixed name (a container name or a stack's project name) within this JVM: two tests
 * that ask for the same fixed name in parallel take turns instead of failing with a name conflict or removing each
 * other's container. A semaphore, not a lock, because the name is taken in one thread (start) and given back in
 * another (JUnit closing the scope).
 */
final class NameLocks {
    static final Duration MAX_WAIT = Duration.ofMinutes(10);
    private static final ConcurrentMap<String, Semaphore> LOCKS = new ConcurrentHashMap<>();

    private NameLocks() {
    }

    static void acquire(String kind, String name) {
        Semaphore semaphore = LOCKS.computeIfAbsent(kind + ":" + name, k -> new Semaphore(1, true));
        try {
            if (!semaphore.tryAcquire(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ExtensionConfigurationException("Waited " + MAX_WAIT.toMinutes() + " minutes for the "
                        + kind + " name '" + name + "', held by another test of this run that still uses it (an"
                        + " outer class and its @Nested class asking for the same fixed name wait for each other"
                        + " forever). Use one field for both, make it shared(), or leave the name out.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtensionConfigurationException("Interrupted while waiting for the " + kind + " name " + name, e);
        }
    }

    static void release(String kind, String name) {
        Semaphore semaphore = LOCKS.get(kind + ":" + name);
        if (semaphore != null) {
            semaphore.release();
        }
    }
}
