package dev.berth;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Dockerfile as a value: {@code Dockerfile.from("python:3.11-slim").workdir("/app").copy("requirements.txt", ".")
 * .run("pip install -r requirements.txt").cmd("python", "app.py")}. Multi-stage: {@code from(image, "build")} then
 * a later {@code .from(image)} and {@code copyFrom("build", src, dest)}. Immutable; {@link #toString()} is the text.
 */
public final class Dockerfile {
    private final List<String> lines;
    private final List<String> stages;

    private Dockerfile(List<String> lines, List<String> stages) {
        this.lines = List.copyOf(lines);
        this.stages = List.copyOf(stages);
    }

    public static Dockerfile from(String image) {
        return new Dockerfile(List.of(), List.of()).thenFrom(image, null);
    }

    /** {@code FROM image AS stage}. */
    public static Dockerfile from(String image, String stage) {
        return new Dockerfile(List.of(), List.of()).thenFrom(image, stage);
    }

    /** Starts another stage. */
    public Dockerfile thenFrom(String image, String stage) {
        if (!stages.contains(image)) {
            ImageRef.parse(image);
        }
        List<String> names = new ArrayList<>(stages);
        if (stage != null) {
            if (!stage.matches("[a-zA-Z][a-zA-Z0-9_.-]*")) {
                throw new InvalidSpecException("stage name", stage, "a stage name starts with a letter and has"
                        + " letters, digits, '_', '.' or '-'", "e.g. \"build\"");
            }
            names.add(stage.toLowerCase(java.util.Locale.ROOT));
        }
        return new Dockerfile(add("FROM " + image + (stage == null ? "" : " AS " + stage)), names);
    }

    public Dockerfile thenFrom(String image) {
        return thenFrom(image, null);
    }

    public Dockerfile workdir(String dir) {
        return with("WORKDIR " + dir);
    }

    /** {@code COPY src... dest} from the build context. */
    public Dockerfile copy(String source, String destination) {
        return with("COPY " + json(source, destination));
    }

    /** {@code COPY --from=stage src dest}. */
    public Dockerfile copyFrom(String stage, String source, String destination) {
        if (!stages.contains(stage.toLowerCase(java.util.Locale.ROOT))) {
            throw new InvalidSpecException("COPY --from stage", stage, "no earlier stage has that name (stages: "
                    + stages + ")", "name the stage with from(image, \"" + stage + "\") first");
        }
        return with("COPY --from=" + stage + " " + json(source, destination));
    }

    /** {@code RUN} in shell form. */
    public Dockerfile run(String shellCommand) {
        return with("RUN " + shellCommand);
    }

    /** {@code RUN} in exec form. */
    public Dockerfile runExec(String... command) {
        return with("RUN " + json(command));
    }

    public Dockerfile env(String key, String value) {
        return with("ENV " + key + "=" + quote(value));
    }

    public Dockerfile arg(String name) {
        return with("ARG " + name);
    }

    public Dockerfile arg(String name, String defaultValue) {
        return with("ARG " + name + "=" + quote(defaultValue));
    }

    public Dockerfile label(String key, String value) {
        return with("LABEL " + quote(key) + "=" + quote(value));
    }

    public Dockerfile expose(int... ports) {
        for (int port : ports) {
            Validation.port("EXPOSE port", port, "expose a port between 1 and 65535");
        }
        return with("EXPOSE " + java.util.Arrays.stream(ports).mapToObj(String::valueOf)
                .collect(Collectors.joining(" ")));
    }

    public Dockerfile user(String user) {
        return with("USER " + user);
    }

    public Dockerfile volume(String path) {
        return with("VOLUME " + json(path));
    }

    public Dockerfile entrypoint(String... command) {
        return with("ENTRYPOINT " + json(command));
    }

    public Dockerfile cmd(String... command) {
        return with("CMD " + json(command));
    }

    /** Any other instruction, written as is. */
    public Dockerfile instruction(String line) {
        return with(line);
    }

    public List<String> lines() {
        return lines;
    }

    @Override
    public String toString() {
        return String.join("\n", lines) + "\n";
    }

    private Dockerfile with(String line) {
        return new Dockerfile(add(line), stages);
    }

    private List<String> add(String line) {
        List<String> copy = new ArrayList<>(lines);
        copy.add(line);
        return copy;
    }

    private static String json(String... values) {
        return java.util.Arrays.stream(values).map(Dockerfile::jsonString).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String jsonString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String quote(String value) {
        return value.matches("[A-Za-z0-9_./:@-]+") ? value : jsonString(value);
    }
}
