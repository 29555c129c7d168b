package dev.berth.core.internal.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Keeps the last few KB of a process's stderr, for error messages. */
final class StderrTail implements Runnable {
    private static final int KEEP = 4096;
    private final InputStream in;
    private final CountDownLatch done = new CountDownLatch(1);
    private final ByteArrayOutputStream text = new ByteArrayOutputStream();

    StderrTail(InputStream in) {
        this.in = in;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[1024];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (text) {
                    text.write(buffer, 0, n);
                    if (text.size() > 4 * KEEP) { // a chatty long session must not grow without bound
                        byte[] all = text.toByteArray();
                        text.reset();
                        text.write(all, all.length - KEEP, KEEP);
                    }
                }
            }
        } catch (IOException ignored) {
            // process gone
        } finally {
            done.countDown();
        }
    }

    String await() throws InterruptedException {
        done.await(2, TimeUnit.SECONDS);
        synchronized (text) {
            byte[] all = text.toByteArray();
            int from = Math.max(0, all.length - KEEP);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        }
    }
}
