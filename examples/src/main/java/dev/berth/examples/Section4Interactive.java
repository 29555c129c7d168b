package dev.berth.examples;

import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.Docker;
import java.io.InputStream;
import java.io.OutputStream;

/** §4 {@code docker run -it debian bash}: a terminal on a fresh container, closed when the shell exits. */
public final class Section4Interactive {
    private Section4Interactive() {
    }

    /** Runs bash with a TTY on the given streams; returns bash's exit code once it exits. */
    public static int bash(Docker docker, InputStream stdin, OutputStream stdout) {
        try (Container shell = docker.containers().create(ContainerSpec.of(SeedImages.DEBIAN).command("bash")
                .interactive())) {
            return shell.attach(stdin, stdout);
        }
    }
}
