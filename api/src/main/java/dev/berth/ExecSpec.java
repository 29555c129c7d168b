package dev.berth;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A command to run in a running container: {@code docker exec}. Immutable. */
public final class ExecSpec {
    private final List<String> command;
    private final Map<String, String> env;
    private final String user;
    private final String workdir;
    private final Supplier<InputStream> stdin;
    private final Duration timeout;

    private ExecSpec(List<String> command, Map<String, String> env, String user, String workdir,
            Supplier<InputStream> stdin, Duration timeout) {
        this.command = command;
        this.env = env;
        this.user = user;
        this.workdir = workdir;
        this.stdin = stdin;
        this.timeout = timeout;
    }

    /**
     * {@code docker exec CONTAINER COMMAND...}: the command to run.
     *
     * @param command the program and its arguments
     * @return a spec with nothing else set
     * @throws InvalidSpecException when there is no word or an empty one
     */
    public static ExecSpec of(String... command) {
        List<String> words = Validation.command("exec command", command, "ExecSpec.of(\"ls\", \"/\")");
        return new ExecSpec(words, Map.of(), null, null, null, Duration.ofMinutes(5));
    }

    /**
     * {@code docker exec -e KEY=VALUE}.
     *
     * @param key the variable's name
     * @param value its value ({@code ""} for empty)
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when the key is invalid or the value null
     */
    public ExecSpec env(String key, String value) {
        var copy = new LinkedHashMap<>(env);
        Validation.envKey(key);
        copy.put(key, Validation.required("value of environment variable " + key, value, "pass \"\" for empty"));
        return new ExecSpec(command, Map.copyOf(copy), user, workdir, stdin, timeout);
    }

    /**
     * {@code docker exec -u USER}.
     *
     * @param value a user name or uid, e.g. "1000" or "root"
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is blank
     */
    public ExecSpec user(String value) {
        Validation.notBlank("exec user", value, "give a user name or uid, e.g. \"1000\"");
        return new ExecSpec(command, env, value, workdir, stdin, timeout);
    }

    /**
     * {@code docker exec -w DIR}.
     *
     * @param value an absolute directory in the container
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is not absolute
     */
    public ExecSpec workdir(String value) {
        Validation.absolutePath("exec working directory", value, "start it with '/', e.g. \"/app\"");
        return new ExecSpec(command, env, user, value, stdin, timeout);
    }

    /**
     * {@code docker exec -i} with these bytes as stdin, then end of input.
     *
     * @param bytes the input (copied)
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is null
     */
    public ExecSpec stdin(byte[] bytes) {
        Validation.required("exec stdin", bytes, "pass the bytes, or leave stdin out");
        byte[] copy = bytes.clone();
        return new ExecSpec(command, env, user, workdir, () -> new ByteArrayInputStream(copy), timeout);
    }

    /**
     * {@code docker exec -i} with this text (UTF-8) as stdin, then end of input.
     *
     * @param text the input
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is null
     */
    public ExecSpec stdin(String text) {
        Validation.required("exec stdin", text, "pass the text, or leave stdin out");
        return stdin(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code docker exec -i} with stdin from a stream; it is read once, so the spec can be executed once.
     *
     * @param stream the input, read to its end
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is null
     */
    public ExecSpec stdin(InputStream stream) {
        Validation.required("exec stdin", stream, "pass a stream, or leave stdin out");
        return new ExecSpec(command, env, user, workdir, () -> stream, timeout);
    }

    /**
     * How long the command may run before Berth stops waiting for it ({@link WaitTimeoutException}).
     *
     * @param value positive
     * @return a new spec; this one is unchanged
     * @throws InvalidSpecException when it is not positive
     */
    public ExecSpec timeout(Duration value) {
        Validation.duration("exec timeout", value, Duration.ofMillis(1), "give e.g. Duration.ofSeconds(30)");
        return new ExecSpec(command, env, user, workdir, stdin, value);
    }

    /**
     * The command.
     *
     * @return the program and its arguments
     */
    public List<String> command() {
        return command;
    }

    /**
     * The extra environment ({@code -e}).
     *
     * @return names and values
     */
    public Map<String, String> env() {
        return env;
    }

    /**
     * The user ({@code -u}).
     *
     * @return the user, or null for the container's
     */
    public String user() {
        return user;
    }

    /**
     * The working directory ({@code -w}).
     *
     * @return the directory, or null for the container's
     */
    public String workdir() {
        return workdir;
    }

    /**
     * Whether stdin is given ({@code -i}).
     *
     * @return true when one of the stdin setters was called
     */
    public boolean hasStdin() {
        return stdin != null;
    }

    /**
     * The stdin to send.
     *
     * @return the input, or an empty stream when none was given
     */
    public InputStream openStdin() {
        return stdin == null ? InputStream.nullInputStream() : stdin.get();
    }

    /**
     * How long the command may run.
     *
     * @return the bound, or null for none
     */
    public Duration timeout() {
        return timeout;
    }

    @Override
    public String toString() {
        return "exec " + String.join(" ", command) + (env.isEmpty() ? "" : " env=" + env.keySet())
                + (user == null ? "" : " user=" + user) + (workdir == null ? "" : " workdir=" + workdir)
                + (stdin == null ? "" : " <stdin>");
    }
}
