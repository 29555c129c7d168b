package dev.berth.core.internal.wait;

import java.util.Locale;

/** Reads the kernel's socket tables ({@code /proc/net/tcp}, {@code /proc/net/tcp6}) as printed inside a container. */
final class ProcNetTcp {
    /** The kernel's code for TCP_LISTEN in the "st" column. */
    private static final String LISTEN = "0A";

    private ProcNetTcp() {
    }

    /** True when a row's local address ends in the port (hex) and its state is LISTEN. */
    static boolean listens(String table, int port) {
        String suffix = ":" + String.format(Locale.ROOT, "%04X", port);
        for (String line : table.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            // sl local_address rem_address st ...
            if (columns.length > 3 && columns[1].toUpperCase(Locale.ROOT).endsWith(suffix)
                    && LISTEN.equals(columns[3].toUpperCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
