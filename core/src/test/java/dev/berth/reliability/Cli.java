package dev.berth.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The docker CLI, as another user of the engine would use it: objects made here carry no Berth labels, which is the
 * point (Berth must not take them over or delete them). It talks to the engine DOCKER_HOST names, like Berth.
 */
final class Cli {
    private Cli() {
    }

    static String docker(String... args) {
        var command = new java.util.ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        try {
            java.io.File errors = java.io.File.createTempFile("berth-cli", ".err");
            try {
                // stderr apart: the engine's warnings ("IPv4 forwarding is disabled") must not mix with the output
                Process p = new ProcessBuilder(command).redirectError(errors).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed: " + out
                            + java.nio.file.Files.readString(errors.toPath()));
                }
                return out.strip();
            } finally {
                errors.delete();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A volume made with the CLI holding one file; the returned action removes it. */
    static Runnable volumeWithFile(String name, String path, String content) {
        docker("volume", "create", name);
        docker("run", "--rm", "-v", name + ":/v", dev.berth.core.TestImages.BUSYBOX, "sh", "-c",
                "printf '%s' '" + content + "' > " + path);
        return () -> docker("volume", "rm", "-f", name);
    }

    static String readFromVolume(String name, String path) {
        return docker("run", "--rm", "-v", name + ":/v", dev.berth.core.TestImages.BUSYBOX, "cat", path);
    }

    static boolean volumeExists(String name) {
        return !docker("volume", "ls", "-q", "--filter", "name=^" + name + "$").isEmpty();
    }

    static boolean networkExists(String name) {
        return !docker("network", "ls", "-q", "--filter", "name=^" + name + "$").isEmpty();
    }
}
