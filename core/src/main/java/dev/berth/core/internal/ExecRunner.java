package dev.berth.core.internal;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmd;
import com.github.dockerjava.api.command.ExecStartCmd;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.berth.DockerException;
import dev.berth.ExecResult;
import dev.berth.ExecSpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code docker exec}. With stdin, docker-java's hijacked stream does not end when the process does, so Berth polls
 * the exec's state and closes the stream itself once the process has exited.
 */
final class ExecRunner {
    private static final long DRAIN_MILLIS = 2_000;

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
        OutputCollector output = new OutputCollector();
        ExecStartCmd start = client.execStartCmd(execId).withDetach(false);
        if (spec.hasStdin()) {
            start.withStdIn(spec.openStdin());
        }
        long deadline = System.nanoTime() + spec.timeout().toNanos();
        container.call("exec", () -> start.exec(output));
        try {
            if (spec.hasStdin()) {
                awaitExit(container, execId, deadline, spec);
                output.awaitCompletion(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
            } else if (!output.awaitCompletion(remainingMillis(deadline), TimeUnit.MILLISECONDS)) {
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

    private static void awaitExit(EngineContainer container, String execId, long deadline, ExecSpec spec)
            throws InterruptedException {
        long sleep = 5;
        while (Boolean.TRUE.equals(container.call("exec", () ->
                container.engine().client().inspectExecCmd(execId).exec().isRunning()))) {
            if (System.nanoTime() > deadline) {
                throw timeout(container, spec);
            }
            Thread.sleep(sleep);
            sleep = Math.min(sleep * 2, 100);
        }
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
