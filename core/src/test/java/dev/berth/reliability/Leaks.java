package dev.berth.reliability;

import java.io.File;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/** Threads and file descriptors before and after a case: what Berth opened must be gone once it is closed. */
final class Leaks {
    private final Set<Thread> threads;
    private final int fds;

    private Leaks(Set<Thread> threads, int fds) {
        this.threads = threads;
        this.fds = fds;
    }

    static Leaks snapshot() {
        return new Leaks(Thread.getAllStackTraces().keySet(), openFds());
    }

    private static int openFds() {
        String[] list = new File("/proc/self/fd").list();
        return list == null ? 0 : list.length;
    }

    /**
     * Waits up to 5 s for threads started since the snapshot to end (the shared timer and JDK/JUnit threads
     * excepted) and for open descriptors to come back to the snapshot's count (a little slack for JDK caches).
     */
    void assertNoneLeaked() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<String> extra;
        int fdsNow;
        do {
            extra = newThreads();
            fdsNow = openFds();
            if (extra.isEmpty() && fdsNow <= fds + 4) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        } while (System.nanoTime() < deadline);
        fail("leaked: threads " + extra + ", descriptors " + fds + " -> " + fdsNow);
    }

    private List<String> newThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !threads.contains(t))
                .map(Thread::getName)
                .filter(name -> !name.equals("berth-deadline") && !name.startsWith("relay-")
                        && !name.startsWith("ForkJoinPool") && !name.startsWith("junit")
                        && !name.startsWith("Attach Listener") && !name.startsWith("process reaper"))
                .sorted()
                .collect(Collectors.toList());
    }
}
