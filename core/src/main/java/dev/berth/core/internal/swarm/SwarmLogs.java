package dev.berth.core.internal.swarm;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.LogSwarmObjectCmd;
import com.github.dockerjava.api.model.Frame;
import dev.berth.DockerException;
import dev.berth.LogLine;
import dev.berth.core.internal.containers.LineAssembler;
import dev.berth.core.internal.engine.Engine;
import dev.berth.core.internal.transport.RawEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code docker service logs} and task logs: the engine gathers them from every node's tasks; Berth assembles
 * whole lines and orders them by timestamp (the engine interleaves tasks as their output arrives).
 */
final class SwarmLogs {
    private static final long DEADLINE_SECONDS = 60;

    private SwarmLogs() {
    }

    static List<LogLine> service(Engine engine, String serviceId, int tail) {
        return read(engine, engine.streamingClient().logServiceCmd(serviceId), tail, "service " + serviceId);
    }

    static List<LogLine> task(Engine engine, String taskId, int tail) {
        return read(engine, engine.streamingClient().logTaskCmd(taskId), tail, "task " + taskId);
    }

    private static List<LogLine> read(Engine engine, LogSwarmObjectCmd cmd, int tail, String what) {
        List<LogLine> lines = new ArrayList<>();
        LineAssembler assembler = new LineAssembler(true, line -> {
            synchronized (lines) {
                lines.add(line);
            }
        });
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                assembler.accept(frame);
            }
        };
        engine.call("read logs of " + what, () -> cmd.withStdout(true).withStderr(true).withTimestamps(true)
                .withFollow(false).withTail(tail).exec(callback));
        try {
            if (!callback.awaitCompletion(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                throw new DockerException("Reading the logs of " + what + " took over " + DEADLINE_SECONDS
                        + " s; ask for fewer lines");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException("Interrupted while reading logs of " + what, e);
        } finally {
            RawEngine.closeQuietly(callback);
        }
        assembler.flush();
        List<LogLine> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing(LogLine::timestamp,
                Comparator.nullsFirst(Comparator.<Instant>naturalOrder())));
        // tail applies per task on the engine side; keep the newest `tail` of the merged whole
        return tail >= 0 && sorted.size() > tail ? sorted.subList(sorted.size() - tail, sorted.size()) : sorted;
    }
}
