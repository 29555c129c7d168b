package dev.berth.core.internal.containers;

import com.github.dockerjava.api.async.ResultCallback;
import dev.berth.DockerException;
import dev.berth.ExecResult;
import dev.berth.ExecSpec;
import dev.berth.LogLine;
import dev.berth.OutputTooLargeException;
import dev.berth.core.internal.engine.Engine;
import dev.berth.core.internal.engine.EngineErrors;
import dev.berth.core.internal.engine.Failures;
import dev.berth.core.internal.transport.HijackedStream;
import dev.berth.core.internal.transport.RawEngine;
import dev.berth.core.internal.transport.SocketTransport;
import dev.berth.core.internal.transport.StreamDemuxer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * {@code docker exec}: through docker-java without stdin, through Berth's own upgraded stream with it.
 */
final class ExecRunner {
    private ExecRunner() {
    }

    /** Output kept whole, up to {@link OutputTooLargeException#EXEC_LIMIT_BYTES} per stream. */
    static ExecResult run(EngineContainer container, ExecSpec spec) {
        Capped out = new Capped("stdout");
        Capped err = new Capped("stderr");
        try {
            int exit = run(container, spec, out, err);
            return new ExecResult(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (OutputLimit e) {
            throw new OutputTooLargeException("'" + spec + "' in " + container.label() + " wrote more than "
                    + OutputTooLargeException.EXEC_LIMIT_BYTES / (1024 * 1024) + " MiB to " + e.getMessage()
                    + "; Berth keeps at most that much in memory, so it stopped reading (the command may still be"
                    + " running). Stream the output instead: exec(spec, stdoutStream, stderrStream) or"
                    + " exec(spec, line -> ...).");
        }
    }

    /** Lines as they arrive, per stream; nothing kept beyond the current line. */
    static int run(EngineContainer container, ExecSpec spec, Consumer<LogLine> lines) {
        Lines out = new Lines(LogLine.Stream.STDOUT, lines);
        Lines err = new Lines(LogLine.Stream.STDERR, lines);
        int exit = run(container, spec, out, err);
        out.flushLast();
        err.flushLast();
        return exit;
    }

    /**
     * Streams the output to the given sinks as it arrives. Always on Berth's own upgraded connection, read on the
     * caller's thread: the spec's timeout is a timer that closes the stream (no thread waits per exec). With stdin
     * a background thread pumps it and then half-closes, so a process reading to EOF ends (docker-java's hijacked
     * stdin never half-closes).
     */
    static int run(EngineContainer container, ExecSpec spec, OutputStream stdout, OutputStream stderr) {
        Engine engine = container.engine();
        String execId = create(container, spec);
        HijackedStream stream = engine.call("exec in container " + container.label(),
                () -> HijackedStream.post(engine.sockets(), "/exec/" + execId + "/start",
                        "{\"Detach\":false,\"Tty\":false}"),
                Failures.on(404, f -> new dev.berth.ContainerNotFoundException(container.label(), f.cause()))
                        .andAnyOtherAnswer(f -> new dev.berth.ContainerNotRunningException(container.label(), "exec",
                                f.message(), f.cause())));
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = SocketTransport.schedule(() -> {
            timedOut.set(true);
            stream.close();
        }, spec.timeout());
        Future<?> pump = null;
        try {
            if (spec.hasStdin()) {
                pump = engine.inBackground("exec " + spec, () -> {
                    try (InputStream stdin = spec.openStdin()) {
                        stdin.transferTo(stream.output());
                        stream.output().flush();
                    } catch (IOException processStoppedReading) {
                        // the process exited or closed stdin early: its output still counts
                    } finally {
                        stream.closeOutput();
                    }
                    return null;
                });
            }
            StreamDemuxer.copy(stream.input(), stdout, stderr);
        } catch (OutputLimit e) {
            throw e;
        } catch (IOException e) {
            if (!timedOut.get()) {
                throw EngineErrors.stream("exec '" + spec + "' in " + container.label(), e);
            }
        } finally {
            deadline.cancel(false);
            stream.close();
            if (pump != null) {
                pump.cancel(true);
            }
        }
        if (timedOut.get()) {
            throw timeout(container, spec);
        }
        var done = container.call("exec", () -> engine.client().inspectExecCmd(execId).exec());
        // the engine may end the stream a moment before it records the exit (seen on 20.10): ask again briefly
        for (int i = 0; i < 100 && (Boolean.TRUE.equals(done.isRunning()) || done.getExitCodeLong() == null); i++) {
            sleep(20);
            done = container.call("exec", () -> engine.client().inspectExecCmd(execId).exec());
        }
        if (Boolean.TRUE.equals(done.isRunning())) {
            // the output ended but the process did not: the stream was cut on its way, not finished
            throw new dev.berth.EngineConnectionLostException("The output stream of '" + spec + "' in "
                    + container.label() + " ended while the command was still running: the connection to the engine"
                    + " was cut. Check the engine (`docker version`) and run it again.", null);
        }
        Long exit = done.getExitCodeLong();
        return exit == null ? -1 : exit.intValue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException("Interrupted while reading the exit code of an exec", e);
        }
    }

    /**
     * {@code POST /containers/{id}/exec}, sent as JSON on Berth's transport rather than through docker-java's
     * {@code execCreateCmd}: docker-java logs every command it runs with all its fields ("Cmd: …" at DEBUG), which
     * printed the exec's env values (often credentials).
     */
    private static String create(EngineContainer container, ExecSpec spec) {
        var engine = container.engine();
        var body = engine.dockerJavaJson().createObjectNode()
                .put("AttachStdin", spec.hasStdin()).put("AttachStdout", true).put("AttachStderr", true);
        var cmd = body.putArray("Cmd");
        spec.command().forEach(cmd::add);
        if (!spec.env().isEmpty()) {
            var env = body.putArray("Env");
            spec.env().forEach((k, v) -> env.add(k + "=" + v));
        }
        if (spec.user() != null) {
            body.put("User", spec.user());
        }
        if (spec.workdir() != null) {
            body.put("WorkingDir", spec.workdir());
        }
        byte[] json = body.toString().getBytes(StandardCharsets.UTF_8);
        return container.call("exec", () -> engine.raw()
                .postJson("/containers/" + container.id() + "/exec", json).path("Id").asText());
    }

    private static DockerException timeout(EngineContainer container, ExecSpec spec) {
        return new DockerException("'" + spec + "' in " + container.label() + " did not finish within "
                + spec.timeout().toSeconds() + " s. It may still be running in the container; raise the limit with"
                + " ExecSpec.timeout(...).");
    }

    /** Thrown by {@link Capped} past the limit; becomes {@link OutputTooLargeException}. */
    private static final class OutputLimit extends RuntimeException {
        OutputLimit(String stream) {
            super(stream, null, false, false);
        }
    }

    /** Keeps output up to the limit. */
    private static final class Capped extends ByteArrayOutputStream {
        private final String name;

        Capped(String name) {
            this.name = name;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (count + (long) len > OutputTooLargeException.EXEC_LIMIT_BYTES) {
                throw new OutputLimit(name);
            }
            super.write(b, off, len);
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }

    /** Splits one stream into lines (UTF-8); a line over 1 MiB is handed on in pieces. */
    private static final class Lines extends OutputStream {
        private static final int MAX_LINE = 1024 * 1024;
        private final LogLine.Stream stream;
        private final Consumer<LogLine> consumer;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Lines(LogLine.Stream stream, Consumer<LogLine> consumer) {
            this.stream = stream;
            this.consumer = consumer;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                emit();
                return;
            }
            line.write(b);
            if (line.size() >= MAX_LINE) {
                emit();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        private void emit() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            consumer.accept(new LogLine(stream, text.endsWith("\r") ? text.substring(0, text.length() - 1) : text,
                    null));
        }

        void flushLast() {
            if (line.size() > 0) {
                emit();
            }
        }
    }
}
