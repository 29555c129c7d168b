package dev.berth.core.internal.containers;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmd;
import com.github.dockerjava.api.command.ExecStartCmd;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.berth.DockerException;
import dev.berth.ExecResult;
import dev.berth.ExecSpec;
import dev.berth.core.internal.engine.Engine;
import dev.berth.core.internal.engine.Failures;
import dev.berth.core.internal.transport.HijackedStream;
import dev.berth.core.internal.transport.RawEngine;
import dev.berth.core.internal.transport.StreamDemuxer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code docker exec}: through docker-java without stdin, through Berth's own upgraded stream with it.
 */
final class ExecRunner {
    private ExecRunner() {
    }

    static ExecResult run(EngineContainer container, ExecSpec spec) {
        var client = container.engine().client();
        ExecCreateCmd create = client.execCreateCmd(container.id())
                .withCmd(spec.command().toArray(String[]::new))
                .withAttachStdout(true)
                .withAttachStderr(true)
                .withAttachStdin(spec.hasStdin());
        if (!spec.env().isEmpty()) {
            List<String> env = new ArrayList<>();
            spec.env().forEach((k, v) -> env.add(k + "=" + v));
            create.withEnv(env);
        }
        if (spec.user() != null) {
            create.withUser(spec.user());
        }
        if (spec.workdir() != null) {
            create.withWorkingDir(spec.workdir());
        }
        String execId = container.call("exec", () -> create.exec().getId());
        if (spec.hasStdin()) {
            return withStdin(container, execId, spec);
        }
        OutputCollector output = new OutputCollector();
        ExecStartCmd start = container.engine().streamingClient().execStartCmd(execId).withDetach(false);
        long deadline = System.nanoTime() + spec.timeout().toNanos();
        container.call("exec", () -> start.exec(output));
        try {
            if (!output.awaitCompletion(remainingMillis(deadline), TimeUnit.MILLISECONDS)) {
                throw timeout(container, spec);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException("Interrupted while running " + spec + " in " + container.label(), e);
        } finally {
            RawEngine.closeQuietly(output);
        }
        Long exit = container.call("exec", () -> client.inspectExecCmd(execId).exec().getExitCodeLong());
        return new ExecResult(exit == null ? -1 : exit.intValue(), output.stdout(), output.stderr());
    }

    /**
     * docker-java's hijacked stdin never half-closes the connection, so a process reading to EOF never ends. Berth
     * opens the upgraded stream itself, pumps stdin, then closes only the write side: the process sees EOF, and the
     * output stream ends when the process does.
     */
    private static ExecResult withStdin(EngineContainer container, String execId, ExecSpec spec) {
        Engine engine = container.engine();
        HijackedStream stream = engine.call("exec in container " + container.label(),
                () -> HijackedStream.post(engine.sockets(), "/exec/" + execId + "/start",
                        "{\"Detach\":false,\"Tty\":false}"),
                Failures.on(404, f -> new dev.berth.ContainerNotFoundException(container.label(), f.cause()))
                        .andAnyOtherAnswer(f -> new dev.berth.ContainerNotRunningException(container.label(), "exec",
                                f.message(), f.cause())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Future<?> pump = engine.background().submit(() -> {
            try (InputStream stdin = spec.openStdin()) {
                stdin.transferTo(stream.output());
                stream.output().flush();
            } catch (IOException processStoppedReading) {
                // the process exited or closed stdin early: its output still counts
            } finally {
                stream.closeOutput();
            }
        });
        Future<?> reader = engine.background().submit(() -> {
            StreamDemuxer.copy(stream.input(), out, err);
            return null;
        });
        try {
            reader.get(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw timeout(container, spec);
        } catch (ExecutionException e) {
            throw new DockerException("Reading the output of '" + spec + "' failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException("Interrupted while running " + spec + " in " + container.label(), e);
        } finally {
            stream.close();
            pump.cancel(true);
        }
        Long exit = container.call("exec", () -> engine.client().inspectExecCmd(execId).exec().getExitCodeLong());
        return new ExecResult(exit == null ? -1 : exit.intValue(), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    private static DockerException timeout(EngineContainer container, ExecSpec spec) {
        return new DockerException("'" + spec + "' in " + container.label() + " did not finish within "
                + spec.timeout().toSeconds() + " s. It may still be running in the container; raise the limit with"
                + " ExecSpec.timeout(...).");
    }

    private static long remainingMillis(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    /** Keeps stdout and stderr apart; a TTY exec delivers RAW frames, which count as stdout. */
    private static final class OutputCollector extends ResultCallback.Adapter<Frame> {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();

        @Override
        public synchronized void onNext(Frame frame) {
            (frame.getStreamType() == StreamType.STDERR ? err : out).writeBytes(frame.getPayload());
        }

        synchronized String stdout() {
            return out.toString(StandardCharsets.UTF_8);
        }

        synchronized String stderr() {
            return err.toString(StandardCharsets.UTF_8);
        }
    }
}
