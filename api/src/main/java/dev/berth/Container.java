package dev.berth;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A handle on a container. Methods go to the engine each time (except {@link #id()}); {@link #close()} kills and
 * removes the container with its anonymous volumes, and is safe to call twice or after the container is gone.
 */
public interface Container extends AutoCloseable {
    String id();

    /** The name without the leading '/'. */
    String name();

    Container start();

    /** {@code docker stop}: the stop signal, then SIGKILL after the container's stop timeout (engine default 10 s). */
    Container stop();

    Container stop(Duration timeout);

    /** {@code docker kill}: SIGKILL. */
    Container kill();

    /** {@code docker kill --signal}: e.g. "SIGHUP" or "HUP" or "1". */
    Container kill(String signal);

    Container restart();

    Container pause();

    Container unpause();

    Container rename(String newName);

    /** {@code docker rm}: only a stopped container. */
    void remove();

    /** {@code docker rm [-f] [-v]}. */
    void remove(boolean force, boolean volumes);

    /** {@code docker inspect}, in Berth's terms. */
    ContainerState inspect();

    /** The host port a container port (tcp) is published on; looks it up once, then remembers it. */
    int hostPort(int containerPort);

    int hostPort(int containerPort, Protocol protocol);

    /** The host address the ports are reachable on from this machine, e.g. 127.0.0.1. */
    String host();

    Logs logs();

    /** {@code docker exec}; the result holds the exit code and both outputs. */
    ExecResult exec(String... command);

    /**
     * Runs a command and returns its output whole. At most {@link OutputTooLargeException#EXEC_LIMIT_BYTES} (16 MiB)
     * per stream are kept in memory; more fails with {@link OutputTooLargeException} (the command may still be
     * running then). For large output use {@link #exec(ExecSpec, java.io.OutputStream, java.io.OutputStream)} or
     * {@link #exec(ExecSpec, java.util.function.Consumer)}.
     */
    ExecResult exec(ExecSpec spec);

    /**
     * Runs a command streaming its output as it arrives: nothing is kept in memory, so any size works. The streams are
     * not closed. Returns the exit code; the spec's timeout bounds the whole run.
     */
    int exec(ExecSpec spec, java.io.OutputStream stdout, java.io.OutputStream stderr);

    /**
     * Runs a command handing each output line to {@code lines} as it arrives ({@link LogLine#stream()} tells stdout
     * from stderr; lines longer than 1 MiB arrive in pieces). Returns the exit code.
     */
    int exec(ExecSpec spec, java.util.function.Consumer<LogLine> lines);

    /** Copies a host file or directory into the container directory {@code containerDir}. */
    void copyIn(Path hostPath, String containerDir);

    /** Writes bytes to {@code containerPath} as a file with the given mode (e.g. 0644). */
    void copyIn(byte[] content, String containerPath, int mode);

    default void copyIn(String content, String containerPath) {
        copyIn(content.getBytes(java.nio.charset.StandardCharsets.UTF_8), containerPath, 0644);
    }

    /** Copies a file or directory out of the container into {@code hostDir} (created if missing). */
    void copyOut(String containerPath, Path hostDir);

    /** Writes the content of the single file at {@code containerPath} to the stream. */
    void copyOut(String containerPath, OutputStream target);

    default String readFile(String containerPath) {
        var bytes = new java.io.ByteArrayOutputStream();
        copyOut(containerPath, bytes);
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A one-shot resource sample ({@code docker stats --no-stream}); takes about a second for the CPU figure. */
    ContainerStats stats();

    /**
     * {@code docker run -it} / {@code docker attach}: streams {@code stdin} to the container and its output to
     * {@code stdout} (stderr too; with a TTY they are one stream), starting the container if it is only created.
     * Blocks until the process ends and returns its exit code. The spec needs {@code interactive()} or
     * {@code stdinOpen()} for stdin to reach the process.
     * <p>With a TTY ({@code interactive()}) the container's terminal behaves like a real one: it echoes what you
     * type back into {@code stdout}, and ends lines with {@code \r\n} (typed {@code echo hi} comes back as
     * {@code "echo hi\r\nhi\r\n"} plus the prompt). Strip {@code \r} when comparing text, or use
     * {@code stdinOpen()} without a TTY for plain, unechoed output. At the end of {@code stdin} Berth sends ctrl-d
     * to a TTY (what a terminal does) and half-closes stdin otherwise.
     */
    int attach(java.io.InputStream stdin, java.io.OutputStream stdout);

    /** Like {@link #attach} but returns at once, for resizing or detaching while it runs. */
    Attachment attachAsync(java.io.InputStream stdin, java.io.OutputStream stdout);

    /** Blocks until the wait holds; fails at once if the container exits (unless waiting for exit). */
    Container waitFor(Wait wait);

    /** Kill + remove (with anonymous volumes); ignores a container that is already gone. */
    @Override
    void close();
}
