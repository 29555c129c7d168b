package dev.berth.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Runs the docker CLI and returns its stdout, failing on a non-zero exit. */
final class Cli {
    private Cli() {
    }

    static String docker(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "docker";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("docker " + String.join(" ", args) + " failed: " + err);
        }
        return out.strip();
    }
}
