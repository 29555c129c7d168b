package dev.berth.examples;

import dev.berth.ContainerSpec;
import dev.berth.Dockerfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * §11 best practices on the Flask app: a multi-stage build (the build stage compiles the sources; the final image
 * gets only the result and the app's dependencies, none of the build stage's files), a non-root user, a {@code .dockerignore} that keeps secrets and clutter out of the
 * context, and resource limits at run time.
 */
public final class Section11Practices {
    /** The unprivileged user the final image runs as. */
    public static final String USER = "app";
    public static final String UID = "10001";

    private Section11Practices() {
    }

    /** The multi-stage Dockerfile, as a Berth value; {@code toString()} is the file's text. */
    public static Dockerfile dockerfile() {
        return Dockerfile.from(SeedImages.PYTHON, "build")
                .workdir("/src")
                .copy("requirements.txt", ".")
                .copy(".", ".")
                .run("python -m compileall -q .")
                .thenFrom(SeedImages.PYTHON)
                .run("useradd --uid " + UID + " --no-create-home --shell /usr/sbin/nologin " + USER)
                .workdir("/app")
                .copy("requirements.txt", ".")
                .run("pip install --no-cache-dir -r requirements.txt")
                .copyFrom("build", "/src", "/app")
                .user(USER)
                .expose(5000)
                .cmd("python", "app.py");
    }

    /** The context directory: the app, a {@code .dockerignore}, and files it must keep out of the image. */
    public static Path writeContext(Path parent) {
        try {
            Path dir = Files.createDirectories(parent.resolve("flask-app-best"));
            Files.writeString(dir.resolve("app.py"), Section7Build.APP_PY);
            Files.writeString(dir.resolve("requirements.txt"), Section7Build.REQUIREMENTS);
            Files.writeString(dir.resolve(".env"), "API_KEY=do-not-ship-me\n");
            Files.createDirectories(dir.resolve(".git"));
            Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");
            Files.createDirectories(dir.resolve("__pycache__"));
            Files.writeString(dir.resolve("__pycache__/stale.pyc"), "stale");
            Files.writeString(dir.resolve(".dockerignore"), ".git\n.env\n**/__pycache__\n.dockerignore\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code docker run -d --memory 128m --cpus 0.5 --pids-limit 100 --read-only --cap-drop ALL -p 5000 IMAGE}. */
    public static ContainerSpec limited(String image, int hostPort) {
        ContainerSpec spec = ContainerSpec.of(image).memory("128m").cpus(0.5).pidsLimit(100).readOnlyRootfs()
                .capDrop("ALL").tmpfs("/tmp");
        return hostPort == 0 ? spec.publish(5000) : spec.publish(hostPort, 5000);
    }
}
