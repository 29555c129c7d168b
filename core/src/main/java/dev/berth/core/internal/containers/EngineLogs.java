package dev.berth.core.internal.containers;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.model.Frame;
import dev.berth.DockerException;
import dev.berth.LogFollow;
import dev.berth.LogLine;
import dev.berth.LogOptions;
import dev.berth.LogSnapshot;
import dev.berth.Logs;
import dev.berth.core.internal.transport.RawEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** {@code docker logs}: snapshots and follows, both assembled into whole lines. */
final class EngineLogs implements Logs {
    private static final Duration SNAPSHOT_DEADLINE = Duration.ofMinutes(2);
    private final EngineContainer container;

    EngineLogs(EngineContainer container) {
        this.container = container;
    }

    @Override
    public LogSnapshot all() {
        return fetch(LogOptions.all());
    }

    @Override
    public LogSnapshot tail(int n) {
        return fetch(LogOptions.all().tail(n));
    }

    @Override
    public LogSnapshot fetch(LogOptions options) {
        return container.call("read logs", () -> {
            List<LogLine> lines = new ArrayList<>();
            LineCallback callback = command(options, false)
                    .exec(new LineCallback(new LineAssembler(options.timestamps(), lines::add), null));
            try {
                if (!callback.awaitCompletion(SNAPSHOT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new DockerException("Reading the logs of " + container.label() + " took over "
                            + SNAPSHOT_DEADLINE.toSeconds() + " s; read fewer with tail(n) or since(...)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DockerException("Interrupted while reading logs of " + container.label(), e);
            } finally {
                RawEngine.closeQuietly(callback);
            }
            if (callback.failure != null) {
                throw dev.berth.core.internal.engine.EngineErrors.stream("read the logs of " + container.label(),
                        callback.failure);
            }
            return new LogSnapshot(lines);
        });
    }

    /**
     * Follows with timestamps on (stripped again unless asked for) so that, when the stream ends by itself, a last
     * line the engine never sent can be fetched: Docker 20.10 drops an unterminated final line from followed logs.
     * That repair streams what came after the last timestamp seen straight to the consumer, one line at a time:
     * collecting it first ran a 500 MB log out of memory.
     */
    @Override
    public LogFollow follow(LogOptions options, Consumer<LogLine> consumer) {
        Instant start = Instant.now();
        Watermark watermark = new Watermark(options.tail() == 0 ? start : options.since(), options.timestamps(),
                consumer);
        LineCallback callback = new LineCallback(new LineAssembler(true, watermark), () -> {
            Instant seen = watermark.last;
            LogOptions rest = new LogOptions(seen == null ? options.tail() : -1, seen, true, options.stdout(),
                    options.stderr());
            stream(rest, watermark::acceptIfNewer);
        });
        container.engine().requireOpen("follow the logs of " + container.label());
        container.call("follow logs", () -> command(options.withTimestamps(), true).exec(callback));
        return new Follow(callback, container.label());
    }

    /** Reads a snapshot line by line into {@code consumer}, keeping nothing. */
    private void stream(LogOptions options, Consumer<LogLine> consumer) {
        LineCallback callback = command(options, false).exec(new LineCallback(new LineAssembler(options.timestamps(),
                consumer), null));
        try {
            if (!callback.awaitCompletion(SNAPSHOT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DockerException("Reading the rest of the logs of " + container.label() + " took over "
                        + SNAPSHOT_DEADLINE.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            RawEngine.closeQuietly(callback);
        }
        if (callback.failure != null) {
            throw dev.berth.core.internal.engine.EngineErrors.stream("read the logs of " + container.label(),
                    callback.failure);
        }
    }

    /** Passes lines on, remembering the newest timestamp delivered. */
    private static final class Watermark implements Consumer<LogLine> {
        private final boolean keepTimestamps;
        private final Consumer<LogLine> consumer;
        volatile Instant last;

        Watermark(Instant from, boolean keepTimestamps, Consumer<LogLine> consumer) {
            this.last = from;
            this.keepTimestamps = keepTimestamps;
            this.consumer = consumer;
        }

        @Override
        public void accept(LogLine line) {
            if (line.timestamp() != null) {
                last = line.timestamp();
            }
            consumer.accept(keepTimestamps ? line : new LogLine(line.stream(), line.text(), null));
        }

        void acceptIfNewer(LogLine line) {
            if (line.timestamp() != null && (last == null || line.timestamp().isAfter(last))) {
                accept(line);
            }
        }
    }

    private LogContainerCmd command(LogOptions options, boolean follow) {
        LogContainerCmd cmd = container.engine().streamingClient().logContainerCmd(container.id())
                .withStdOut(options.stdout())
                .withStdErr(options.stderr())
                .withTimestamps(options.timestamps())
                .withFollowStream(follow);
        if (options.tail() >= 0) {
            cmd.withTail(options.tail());
        } else {
            cmd.withTailAll();
        }
        if (options.since() != null) {
            cmd.withSince((int) options.since().getEpochSecond());
        }
        return cmd;
    }

    /**
     * Feeds frames to the assembler and flushes the unterminated last line when the stream ends; a follow also
     * runs its repair step then, unless the caller closed it.
     */
    static final class LineCallback extends ResultCallback.Adapter<Frame> {
        private final LineAssembler assembler;
        private final Runnable onNaturalEnd;
        private volatile boolean closedByCaller;

        LineCallback(LineAssembler assembler, Runnable onNaturalEnd) {
            this.assembler = assembler;
            this.onNaturalEnd = onNaturalEnd;
        }

        @Override
        public void onNext(Frame frame) {
            assembler.accept(frame);
        }

        @Override
        public void onComplete() {
            assembler.flush();
            if (onNaturalEnd != null && !closedByCaller) {
                try {
                    onNaturalEnd.run();
                } catch (RuntimeException containerGone) {
                    // removed in the meantime: nothing more to read
                }
            }
            super.onComplete();
        }

        /** Why the stream broke; null when it ended by itself or the caller closed it. */
        volatile Throwable failure;

        @Override
        public void onError(Throwable throwable) {
            assembler.flush();
            if (!closedByCaller) {
                failure = throwable;
            }
            RawEngine.closeQuietly(this); // recorded, not thrown on the transport's thread (nor logged as ERROR)
        }

        @Override
        public void close() throws java.io.IOException {
            closedByCaller = true;
            super.close();
        }
    }

    /**
     * A follow in progress. A stream that breaks (engine restart, cut connection, {@code Docker.close()}) ends it
     * with a typed error from {@link #awaitEnd}: {@code EngineConnectionLostException} or
     * {@code DockerClosedException}, never a transport exception.
     */
    private record Follow(LineCallback callback, String label) implements LogFollow,
            dev.berth.core.internal.wait.FollowHealth {
        @Override
        public void awaitEnd(Duration timeout) {
            try {
                callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                throw dev.berth.core.internal.engine.EngineErrors.stream("follow the logs of " + label, e);
            }
            Throwable failure = callback.failure;
            if (failure != null) {
                throw dev.berth.core.internal.engine.EngineErrors.stream("follow the logs of " + label, failure);
            }
        }

        @Override
        public Throwable failure() {
            return callback.failure;
        }

        @Override
        public void close() {
            RawEngine.closeQuietly(callback);
        }
    }
}
