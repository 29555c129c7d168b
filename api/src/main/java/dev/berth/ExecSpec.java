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

    public static ExecSpec of(String... command) {
        if (command.length == 0) {
            throw new InvalidSpecException("exec command", "[]", "exec needs a command", "e.g. ExecSpec.of(\"ls\", \"/\")");
        }
        return new ExecSpec(List.of(command), Map.of(), null, null, null, Duration.ofMinutes(5));
    }

    public ExecSpec env(String key, String value) {
        var copy = new LinkedHashMap<>(env);
        copy.put(Validation.notBlank("env key", key, "give a variable name"), value);
        return new ExecSpec(command, Map.copyOf(copy), user, workdir, stdin, timeout);
    }

    public ExecSpec user(String value) {
        return new ExecSpec(command, env, value, workdir, stdin, timeout);
    }

    public ExecSpec workdir(String value) {
        return new ExecSpec(command, env, user, value, stdin, timeout);
    }

    public ExecSpec stdin(byte[] bytes) {
        byte[] copy = bytes.clone();
        return new ExecSpec(command, env, user, workdir, () -> new ByteArrayInputStream(copy), timeout);
    }

    public ExecSpec stdin(String text) {
        return stdin(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Stdin from a stream; it is read once, so the spec can be executed once. */
    public ExecSpec stdin(InputStream stream) {
        return new ExecSpec(command, env, user, workdir, () -> stream, timeout);
    }

    /** How long the command may run before Berth stops waiting for it. */
    public ExecSpec timeout(Duration value) {
        return new ExecSpec(command, env, user, workdir, stdin, value);
    }

    public List<String> command() {
        return command;
    }

    public Map<String, String> env() {
        return env;
    }

    public String user() {
        return user;
    }

    public String workdir() {
        return workdir;
    }

    public boolean hasStdin() {
        return stdin != null;
    }

    public InputStream openStdin() {
        return stdin == null ? InputStream.nullInputStream() : stdin.get();
    }

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
