package dev.berth.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Host ports for tests that must name one: free now, chosen by the OS, so parallel runs never collide. */
public final class TestPorts {
    private TestPorts() {
    }

    /** A port nothing listens on at 127.0.0.1 right now. */
    public static int free() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
