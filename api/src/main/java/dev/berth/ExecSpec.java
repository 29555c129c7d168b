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
        List<String> words = Validation.command("exec command", command, "ExecSpec.of(\"ls\", \"/\")");
        return new ExecSpec(words, Map.of(), null, null, null, Duration.ofMinutes(5));
    }

    public ExecSpec env(String key, String value) {
        var copy = new LinkedHashMap<>(env);
        Validation.envKey(key);
        copy.put(key, Validation.required("value of environment variable " + key, value, "pass \"\" for empty"));
        return new ExecSpec(command, Map.copyOf(copy), user, workdir, stdin, timeout);
    }

    public ExecSpec user(String value) {
        Validation.notBlank("exec user", value, "give a user name or uid, e.g. \"1000\"");
        return new ExecSpec(command, env, value, workdir, stdin, timeout);
    }

    public ExecSpec workdir(String value) {
        Validation.absolutePath("exec working directory", value, "start it with '/', e.g. \"/app\"");
        return new ExecSpec(command, env, user, value, stdin, timeout);
    }

    public ExecSpec stdin(byte[] bytes) {
        Validation.required("exec stdin", bytes, "pass the bytes, or leave stdin out");
        byte[] copy = bytes.clone();
        return new ExecSpec(command, env, user, workdir, () -> new ByteArrayInputStream(copy), timeout);
    }

    public ExecSpec stdin(String text) {
        Validation.required("exec stdin", text, "pass the text, or leave stdin out");
        return stdin(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Stdin from a stream; it is read once, so the spec can be executed once. */
    public ExecSpec stdin(InputStream stream) {
        Validation.required("exec stdin", stream, "pass a stream, or leave stdin out");
        return new ExecSpec(command, env, user, workdir, () -> stream, timeout);
    }

    /** How long the command may run before Berth stops waiting for it. */
    public ExecSpec timeout(Duration value) {
        Validation.duration("exec timeout", value, Duration.ofMillis(1), "give e.g. Duration.ofSeconds(30)");
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
