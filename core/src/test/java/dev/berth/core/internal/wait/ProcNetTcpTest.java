package dev.berth.core.internal.wait;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tables as printed by {@code cat /proc/net/tcp /proc/net/tcp6} inside a container (Linux 6.x). */
class ProcNetTcpTest {
    static final String TABLES = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000:0CEA 00000000:0000 0A 00000000:00000000 00:00000000 00000000   999        0 41235 1 0
               1: 0100007F:1F90 0100007F:A3C2 01 00000000:00000000 00:00000000 00000000     0        0 0 1 0
              sl  local_address                         remote_address                        st tx_queue rx_queue
               0: 00000000000000000000000000000000:1538 00000000000000000000000000000000:0000 0A 00000000:00000000
            """;

    @Test
    void findsListeningSocketsOnIpv4AndIpv6() {
        assertTrue(ProcNetTcp.listens(TABLES, 3306), "0CEA = 3306, state 0A");
        assertTrue(ProcNetTcp.listens(TABLES, 5432), "1538 = 5432 on tcp6");
    }

    @Test
    void ignoresConnectionsAndOtherPorts() {
        assertFalse(ProcNetTcp.listens(TABLES, 8080), "1F90 is an established connection, not a listener");
        assertFalse(ProcNetTcp.listens(TABLES, 80));
        assertFalse(ProcNetTcp.listens("", 80));
    }
}
