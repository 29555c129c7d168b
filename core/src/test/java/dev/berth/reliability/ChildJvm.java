package dev.berth.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A JVM started by a test with the test classpath: for kill -9, a small heap, or a logger set up from scratch. */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final List<String> lines = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ChildJvm start(List<String> jvmOptions, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /**
     * Everything this JVM runs with, flat on a class path: surefire puts core on the module path (it has a
     * module-info) and patches the test classes into it; on the class path META-INF/services finds the engine.
     */
    private static String classPath() throws IOException {
        List<String> entries = new ArrayList<>();
        try {
            entries.add(Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                entries.addAll(List.of(value.split(java.io.File.pathSeparator)));
            }
        }
        return String.join(java.io.File.pathSeparator, entries.stream().distinct().toList());
    }

    /** Reads output lines until one starts with {@code prefix}; returns it. */
    String awaitLine(String prefix, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = out.readLine();
            if (line == null) {
                break;
            }
            lines.add(line);
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the child JVM never printed '" + prefix + "'; its output:\n" + String.join("\n", lines));
    }

    /** Waits for the exit; returns the exit code (the output is kept for messages). */
    int awaitExit(Duration timeout) throws Exception {
        Thread drain = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the process went away
            }
        });
        drain.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not finish within " + timeout + "; output:\n" + output());
        }
        drain.join(5000);
        return process.exitValue();
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** kill -9: no shutdown hook, no finally block runs. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
