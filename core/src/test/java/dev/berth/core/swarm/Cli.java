package dev.berth.core.swarm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The docker CLI as the reference: same engine (DOCKER_HOST is inherited). */
final class Cli {
    private Cli() {
    }

    /** Runs {@code docker ARGS}, fails on a non-zero exit, returns stdout trimmed. */
    static String run(String... args) {
        Result result = exec(args);
        if (result.exit != 0) {
            throw new IllegalStateException("docker " + String.join(" ", args) + " exited " + result.exit + ": "
                    + result.out);
        }
        return result.out.strip();
    }

    record Result(int exit, String out) {
    }

    static Result exec(String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
