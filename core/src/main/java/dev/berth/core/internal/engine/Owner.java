package dev.berth.core.internal.engine;

import java.net.InetAddress;
import java.time.Instant;

/**
 * The process that owns what Berth creates, written into the {@code dev.berth.owner} label as
 * {@code host/pid/startMillis}. The start time tells a live process from a later one that reuses the pid; the host
 * keeps processes of other machines (which Berth cannot see) out of any sweep.
 */
public record Owner(String host, long pid, long startMillis) {
    public static final String LABEL = "dev.berth.owner";
    private static final Owner CURRENT = of(ProcessHandle.current());

    public static Owner current() {
        return CURRENT;
    }

    static Owner of(ProcessHandle process) {
        return new Owner(hostName(), process.pid(), startMillis(process));
    }

    /** The start time in milliseconds, or -1 when the platform does not say. */
    static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "unknown-host" : env;
        }
    }

    public String label() {
        return host + "/" + pid + "/" + startMillis;
    }

    /** Parses a label value; null when it is not one Berth wrote. */
    public static Owner parse(String label) {
        if (label == null) {
            return null;
        }
        String[] parts = label.split("/");
        if (parts.length != 3) {
            return null;
        }
        try {
            return new Owner(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * True only when this owner is a process of this host that is certainly gone: no process with its pid, or one
     * that started at another time (the pid was reused). Unknown start times count as alive: never guess.
     */
    public boolean certainlyDeadOnThisHost() {
        if (!host.equals(CURRENT.host) || startMillis < 0) {
            return false;
        }
        var process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return true;
        }
        long started = startMillis(process.get());
        // start times read at different moments may differ by rounding; a reused pid starts much later
        return started >= 0 && Math.abs(started - startMillis) > 2000;
    }
}
