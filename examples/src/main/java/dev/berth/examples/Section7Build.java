package dev.berth.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** §7 the seed's Flask app: {@code app.py}, {@code requirements.txt} and a Dockerfile, built with docker build. */
public final class Section7Build {
    /** The seed's app: answers "Hello, World!" on port 5000. */
    public static final String APP_PY = """
            from flask import Flask

            app = Flask(__name__)


            @app.route("/")
            def hello():
                return "Hello, World!"


            if __name__ == "__main__":
                app.run(host="0.0.0.0", port=5000)
            """;
    public static final String REQUIREMENTS = "flask\n";
    public static final String DOCKERFILE = """
            FROM python:3.11-slim
            WORKDIR /app
            COPY requirements.txt .
            RUN pip install -r requirements.txt
            COPY . .
            EXPOSE 5000
            CMD ["python", "app.py"]
            """;

    private Section7Build() {
    }

    /** Writes the app into a new directory (the build context) and returns it. */
    public static Path writeApp(Path parent) {
        try {
            Path dir = Files.createDirectories(parent.resolve("flask-app"));
            Files.writeString(dir.resolve("app.py"), APP_PY);
            Files.writeString(dir.resolve("requirements.txt"), REQUIREMENTS);
            Files.writeString(dir.resolve("Dockerfile"), DOCKERFILE);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
