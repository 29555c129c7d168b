package dev.berth.core.internal.containers;

import dev.berth.Attachment;
import dev.berth.ContainerStatus;
import dev.berth.DockerException;
import dev.berth.core.internal.engine.Engine;
import dev.berth.core.internal.engine.Failures;
import dev.berth.core.internal.transport.HijackedStream;
import dev.berth.core.internal.transport.StreamDemuxer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code docker attach} over Berth's own upgraded stream: attaches before starting (so no output is lost), pumps
 * stdin and half-closes at its end (the process sees EOF), and ends when the process does.
 */
final class EngineAttachment implements Attachment {
    /** ctrl-p ctrl-q: the engine's default detach keys. */
    private static final byte[] DETACH_KEYS = {0x10, 0x11};
    private static final int END_OF_TRANSMISSION = 0x04;

    private final EngineContainer container;
    private final HijackedStream stream;
    private final Future<?> output;
    private final Future<?> input;

    private EngineAttachment(EngineContainer container, HijackedStream stream, Future<?> output, Future<?> input) {
        this.container = container;
        this.stream = stream;
        this.output = output;
        this.input = input;
    }

    static EngineAttachment open(EngineContainer container, InputStream stdin, OutputStream stdout) {
        var state = container.inspectRaw();
        boolean tty = Boolean.TRUE.equals(state.getConfig().getTty());
        boolean stdinOpen = Boolean.TRUE.equals(state.getConfig().getStdinOpen());
        Engine engine = container.engine();
        HijackedStream stream = engine.call("attach to " + container.label(),
                () -> HijackedStream.post(engine.sockets(), "/containers/" + container.id()
                        + "/attach?stream=1&stdout=1&stderr=1" + (stdinOpen ? "&stdin=1" : ""), ""),
                Failures.on(404, f -> new dev.berth.ContainerNotFoundException(container.label(), f.cause()))
                        .andAnyOtherAnswer(f -> new DockerException("Cannot attach to " + container.label() + ": "
                                + f.message(), f.cause())));
        Future<?> output = engine.background().submit(() -> {
            if (tty) {
                copy(stream.input(), stdout);
            } else {
                StreamDemuxer.copy(stream.input(), stdout, stdout);
            }
            return null;
        });
        Future<?> input = !stdinOpen ? null : engine.background().submit(() -> {
            try {
                copy(stdin, stream.output());
                if (tty) {
                    // A terminal signals end of input with ctrl-d; closing the stream instead would make the
                    // engine close the container's stdin and end the attach before the output has arrived.
                    stream.output().write(END_OF_TRANSMISSION);
                    stream.output().flush();
                } else {
                    stream.closeOutput();
                }
            } catch (IOException processGone) {
                // the container stopped reading: its output still arrives
            }
        });
        if (ContainerStatus.parse(state.getState().getStatus()) != ContainerStatus.RUNNING) {
            container.start();
        }
        return new EngineAttachment(container, stream, output, input);
    }

    /** Copies and flushes at every read, so an interactive user sees output as it comes. */
    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            out.flush();
        }
    }

    @Override
    public int awaitExit(Duration timeout) {
        try {
            output.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new DockerException("The process in " + container.label() + " is still running after "
                    + timeout.toSeconds() + " s; detach() to leave it running or container.stop() to end it.");
        } catch (ExecutionException e) {
            throw new DockerException("Reading from " + container.label() + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException("Interrupted while attached to " + container.label(), e);
        } finally {
            release();
        }
        return container.awaitExitCode(timeout);
    }

    @Override
    public void resize(int columns, int rows) {
        Engine engine = container.engine();
        engine.call("resize TTY of " + container.label(), () -> engine.raw().post("/containers/" + container.id()
                + "/resize?h=" + rows + "&w=" + columns));
    }

    @Override
    public void detach() {
        try {
            stream.output().write(DETACH_KEYS);
            stream.output().flush();
        } catch (IOException alreadyClosed) {
            // the process ended first: nothing to detach from
        }
        release();
    }

    @Override
    public void close() {
        detach();
    }

    private void release() {
        stream.close();
        if (input != null) {
            input.cancel(true);
        }
    }
}
