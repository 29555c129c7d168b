package dev.berth;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A handle on a container. Methods go to the engine each time (except {@link #id()}); {@link #close()} kills and
 * removes the container with its anonymous volumes, and is safe to call twice or after the container is gone.
 */
public interface Container extends AutoCloseable {
    /**
     * The full container id ({@code docker ps --no-trunc}); no engine call.
     *
     * @return the 64-hex-digit id
     */
    String id();

    /**
     * The name ({@code docker ps --format '{{.Names}}'}), without the engine's leading '/'.
     *
     * @return the container's name
     */
    String name();

    /**
     * {@code docker start}; a running container is left as it is.
     *
     * @return this container
     * @throws ContainerNotFoundException when it is gone
     * @throws PortInUseException when a fixed host port is taken
     */
    Container start();

    /**
     * {@code docker stop}: the stop signal, then SIGKILL after the container's stop timeout (engine default 10 s).
     *
     * @return this container
     * @throws ContainerNotFoundException when it is gone
     */
    Container stop();

    /**
     * {@code docker stop -t SECONDS}: the stop signal, then SIGKILL after {@code timeout}.
     *
     * @param timeout how long the process gets to stop (whole seconds)
     * @return this container
     * @throws ContainerNotFoundException when it is gone
     */
    Container stop(Duration timeout);

    /**
     * {@code docker kill}: SIGKILL.
     *
     * @return this container
     * @throws ContainerNotRunningException when it is not running
     * @throws ContainerNotFoundException when it is gone
     */
    Container kill();

    /**
     * {@code docker kill --signal}.
     *
     * @param signal e.g. "SIGHUP", "HUP" or "1"
     * @return this container
     * @throws ContainerNotRunningException when it is not running
     * @throws ContainerNotFoundException when it is gone
     */
    Container kill(String signal);

    /**
     * {@code docker restart}: stop (with the stop timeout), then start.
     *
     * @return this container
     * @throws ContainerNotFoundException when it is gone
     */
    Container restart();

    /**
     * {@code docker pause}: freezes every process (cgroup freezer).
     *
     * @return this container
     * @throws ContainerNotRunningException when it is not running
     */
    Container pause();

    /**
     * {@code docker unpause}.
     *
     * @return this container
     * @throws ConflictException when it is not paused
     */
    Container unpause();

    /**
     * {@code docker rename}.
     *
     * @param newName the new name
     * @return this container, under its new name
     * @throws NameConflictException when the name is taken
     * @throws InvalidSpecException when the name is not a valid container name
     */
    Container rename(String newName);

    /**
     * {@code docker rm}: only a stopped container.
     *
     * @throws ConflictException when it is running (stop it, or use {@code remove(ContainerRemoval.forced())})
     * @throws ContainerNotFoundException when it is gone
     */
    void remove();

    /**
     * {@code docker rm [-f] [-v]}, e.g. {@code remove(ContainerRemoval.forced().withVolumes())}.
     *
     * @param how forced or not, with anonymous volumes or not
     * @throws ConflictException when it is running and the removal is not forced
     * @throws ContainerNotFoundException when it is gone
     */
    void remove(ContainerRemoval how);

    /**
     * {@code docker inspect}, in Berth's terms: state, health, ports, addresses, and the
     * {@link ContainerState#settings() settings} it was created with.
     *
     * @return a snapshot of the container now
     * @throws ContainerNotFoundException when it is gone
     */
    ContainerState inspect();

    /**
     * {@code docker port CONTAINER PORT/tcp}: the host port a container port is published on; looks it up once,
     * then remembers it.
     *
     * @param containerPort the port inside the container
     * @return the host port
     * @throws DockerException when that port is not published
     */
    int hostPort(int containerPort);

    /**
     * {@code docker port CONTAINER PORT/PROTOCOL}.
     *
     * @param containerPort the port inside the container
     * @param protocol tcp, udp or sctp
     * @return the host port
     * @throws DockerException when that port is not published
     */
    int hostPort(int containerPort, Protocol protocol);

    /**
     * The host address the ports are reachable on from this machine, e.g. 127.0.0.1 (an ssh:// engine's host name).
     *
     * @return a host name or IP address
     */
    String host();

    /**
     * {@code docker logs}: snapshots and follows.
     *
     * @return the container's logs (no engine call until used)
     */
    Logs logs();

    /**
     * {@code docker exec CONTAINER COMMAND...}; waits for the command to end.
     *
     * @param command the program and its arguments
     * @return the exit code and both outputs
     * @throws ContainerNotRunningException when the container is not running
     */
    ExecResult exec(String... command);

    /**
     * Runs a command and returns its output whole. At most {@link OutputTooLargeException#EXEC_LIMIT_BYTES} (16 MiB)
     * per stream are kept in memory; more fails with {@link OutputTooLargeException} (the command may still be
     * running then). For large output use {@link #exec(ExecSpec, java.io.OutputStream, java.io.OutputStream)} or
     * {@link #exec(ExecSpec, java.util.function.Consumer)}.
     *
     * @param spec the command and its options
     * @return the exit code and both outputs
     * @throws ContainerNotRunningException when the container is not running
     * @throws WaitTimeoutException when the spec's timeout passes first
     * @throws OutputTooLargeException when a stream passes the limit
     */
    ExecResult exec(ExecSpec spec);

    /**
     * Runs a command streaming its output as it arrives: nothing is kept in memory, so any size works. The streams are
     * not closed. Returns the exit code; the spec's timeout bounds the whole run ({@code docker exec} with its
     * output piped).
     *
     * @param spec the command and its options
     * @param stdout where the command's stdout goes
     * @param stderr where the command's stderr goes
     * @return the exit code
     * @throws ContainerNotRunningException when the container is not running
     * @throws WaitTimeoutException when the spec's timeout passes first
     */
    int exec(ExecSpec spec, java.io.OutputStream stdout, java.io.OutputStream stderr);

    /**
     * Runs a command handing each output line to {@code lines} as it arrives ({@link LogLine#stream()} tells stdout
     * from stderr; lines longer than 1 MiB arrive in pieces). Returns the exit code.
     *
     * @param spec the command and its options
     * @param lines called once per output line
     * @return the exit code
     * @throws ContainerNotRunningException when the container is not running
     * @throws WaitTimeoutException when the spec's timeout passes first
     */
    int exec(ExecSpec spec, java.util.function.Consumer<LogLine> lines);

    /**
     * {@code docker cp HOSTPATH CONTAINER:DIR}: copies a host file or directory into the container directory
     * {@code containerDir}; symbolic links are copied as links, as {@code docker cp} does.
     *
     * @param hostPath the file or directory to copy
     * @param containerDir an absolute directory that exists in the container
     * @throws NotFoundException when the host path or the container directory does not exist
     * @throws InvalidSpecException when {@code containerDir} is not absolute
     */
    void copyIn(Path hostPath, String containerDir);

    /**
     * Writes bytes to {@code containerPath} as a file with the given mode, like {@code docker cp - CONTAINER:DIR}
     * with a one-file archive.
     *
     * @param content the file's bytes
     * @param containerPath the absolute path of the file in the container (its directory must exist)
     * @param mode the permission bits, e.g. 0644
     * @throws NotFoundException when the directory does not exist
     * @throws InvalidSpecException when the path is not absolute or the mode is not 0 to 07777
     */
    void copyIn(byte[] content, String containerPath, int mode);

    /**
     * Writes text (UTF-8) to {@code containerPath} as a file with mode 0644.
     *
     * @param content the file's text
     * @param containerPath the absolute path of the file in the container (its directory must exist)
     * @throws NotFoundException when the directory does not exist
     */
    default void copyIn(String content, String containerPath) {
        copyIn(content.getBytes(java.nio.charset.StandardCharsets.UTF_8), containerPath, 0644);
    }

    /**
     * {@code docker cp CONTAINER:PATH HOSTDIR}: copies a file or directory out of the container into
     * {@code hostDir} (created if missing); links stay links, and nothing is written outside {@code hostDir}.
     *
     * @param containerPath an absolute path in the container
     * @param hostDir the host directory to copy into
     * @throws NotFoundException when the path does not exist in the container
     * @throws DockerException when an entry would land outside {@code hostDir}
     */
    void copyOut(String containerPath, Path hostDir);

    /**
     * {@code docker cp CONTAINER:FILE -}, unpacked: writes the content of the single file at
     * {@code containerPath} to the stream.
     *
     * @param containerPath an absolute path to a regular file in the container
     * @param target where the bytes go (not closed)
     * @throws NotFoundException when the path does not exist in the container
     * @throws InvalidSpecException when it is a directory or a link
     */
    void copyOut(String containerPath, OutputStream target);

    /**
     * Reads a text file (UTF-8) from the container, like {@code docker exec CONTAINER cat FILE} without needing
     * {@code cat} in the image.
     *
     * @param containerPath an absolute path to a regular file in the container
     * @return its content
     * @throws NotFoundException when the path does not exist in the container
     */
    default String readFile(String containerPath) {
        var bytes = new java.io.ByteArrayOutputStream();
        copyOut(containerPath, bytes);
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * A one-shot resource sample ({@code docker stats --no-stream}); takes about a second for the CPU figure.
     *
     * @return CPU, memory, network and block I/O figures
     * @throws ContainerNotFoundException when it is gone
     */
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
     *
     * @param stdin what to type into the container (read to its end)
     * @param stdout where the container's output goes (not closed)
     * @return the process's exit code
     * @throws ContainerNotFoundException when it is gone
     */
    int attach(java.io.InputStream stdin, java.io.OutputStream stdout);

    /**
     * Like {@link #attach} but returns at once, for resizing or detaching while it runs.
     *
     * @param stdin what to type into the container (read to its end)
     * @param stdout where the container's output goes (not closed)
     * @return the running attachment: await its exit, resize its TTY, or close it to detach
     * @throws ContainerNotFoundException when it is gone
     */
    Attachment attachAsync(java.io.InputStream stdin, java.io.OutputStream stdout);

    /**
     * Blocks until the wait holds; fails at once if the container exits (unless waiting for exit). The docker CLI
     * has no equivalent beyond {@code docker wait} (exit only).
     *
     * @param wait what "ready" means (log line, port, HTTP answer, health, exec, exit)
     * @return this container
     * @throws WaitTimeoutException when the wait does not hold in time (with what was last seen)
     * @throws ContainerStartupException when the container exits while waiting
     */
    Container waitFor(Wait wait);

    /**
     * {@code docker rm -f -v}: kill + remove with anonymous volumes; ignores a container that is already gone.
     * Named volumes stay.
     */
    @Override
    void close();
}
