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

    /**
     * {@code FROM image}: starts the Dockerfile.
     *
     * @param image the base image reference
     * @return a Dockerfile with that one line
     * @throws InvalidImageReferenceException when the reference is malformed
     */
    public static Dockerfile from(String image) {
        return new Dockerfile(List.of(), List.of()).thenFrom(image, null);
    }

    /**
     * {@code FROM image AS stage}: starts a multi-stage Dockerfile.
     *
     * @param image the base image reference
     * @param stage the stage's name, for {@link #copyFrom}
     * @return a Dockerfile with that one line
     * @throws InvalidImageReferenceException when the reference is malformed
     * @throws InvalidSpecException when the stage name is invalid
     */
    public static Dockerfile from(String image, String stage) {
        return new Dockerfile(List.of(), List.of()).thenFrom(image, stage);
    }

    /**
     * {@code FROM image AS stage}: starts another stage (the image may be an earlier stage's name).
     *
     * @param image the base image reference or an earlier stage
     * @param stage the new stage's name, or null
     * @return a new Dockerfile with the line added; this one is unchanged
     * @throws InvalidImageReferenceException when the reference is malformed
     * @throws InvalidSpecException when the stage name is invalid
     */
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

    /**
     * {@code FROM image}: starts another, unnamed stage (typically the last).
     *
     * @param image the base image reference or an earlier stage
     * @return a new Dockerfile with the line added; this one is unchanged
     * @throws InvalidImageReferenceException when the reference is malformed
     */
    public Dockerfile thenFrom(String image) {
        return thenFrom(image, null);
    }

    /**
     * {@code WORKDIR dir}.
     *
     * @param dir the directory in the image
     * @return a new Dockerfile with the line added; this one is unchanged
     */
    public Dockerfile workdir(String dir) {
        return with("WORKDIR " + dir);
    }

    /**
     * {@code COPY ["src", "dest"]} from the build context.
     *
     * @param source a path in the context (wildcards as Docker allows)
     * @param destination the path in the image
     * @return a new Dockerfile with the line added; this one is unchanged
     */
    public Dockerfile copy(String source, String destination) {
        return with("COPY " + json(source, destination));
    }

    /**
     * {@code COPY --from=stage ["src", "dest"]}.
     *
     * @param stage an earlier stage's name
     * @param source the path in that stage
     * @param destination the path in this stage
     * @return a new Dockerfile with the line added; this one is unchanged
     * @throws InvalidSpecException when no earlier stage has that name
     */
    public Dockerfile copyFrom(String stage, String source, String destination) {
        if (!stages.contains(stage.toLowerCase(java.util.Locale.ROOT))) {
            throw new InvalidSpecException("COPY --from stage", stage, "no earlier stage has that name (stages: "
                    + stages + ")", "name the stage with from(image, \"" + stage + "\") first");
        }
        return with("COPY --from=" + stage + " " + json(source, destination));
    }

    /**
     * {@code RUN command} in shell form ({@code /bin/sh -c}).
     *
     * @param shellCommand the shell command line
     * @return a new Dockerfile with the line added; this one is unchanged
     */
    public Dockerfile run(String shellCommand) {
        return with("RUN " + shellCommand);
    }

    /**
     * {@code RUN ["program", "arg"…]} in exec form (no shell).
     *
     * @param command the program and its arguments
     * @return a new Dockerfile with the line added; this one is unchanged
     */
    public Dockerfile runExec(String... command) {
        return with("RUN " + json(command));
    }

    /**
     * {@code ENV key="value"}.
     *
     * @param key the variable's name
     * @param value its value (quoted in the Dockerfile)
     * @return a new Dockerfile with the line added; this one is unchanged
     */
    public Dockerfile env(String key, String value) {
        return with("ENV " + key + "=" + quote(value));
    }

    /**
     * {@code ARG name}: a build argument ({@code docker build --build-arg}).
     *
     * @param name the argument's name
     * @return a new Dockerfile with the line added; this one is unchanged
     */
    public Dockerfile arg(String name) {
        return with("ARG " + name);
    }

    /**
     * {@code ARG name="default"}.
     *
     * @param name the argument's name
     * @param defaultValue its value when the build does not give one
     * @return a new Dockerfile with the line added; this one is unchanged
     */
    public Dockerfile arg(String name, String defaultValue) {
        return with("ARG " + name + "=" + quote(defaultValue));
    }

    /**
     * {@code LABEL "key"="value"}.
     *
     * @param key the label's key
     * @param value its value
     * @return a new Dockerfile with the line added; this one is unchanged
     */
    public Dockerfile label(String key, String value) {
        return with("LABEL " + quote(key) + "=" + quote(value));
    }

    /**
     * {@code EXPOSE port…}.
     *
     * @param ports ports from 1 to 65535
     * @return a new Dockerfile with the line added; this one is unchanged
     * @throws InvalidSpecException when a port is out of range
     */
    public Dockerfile expose(int... ports) {
        for (int port : ports) {
            Validation.port("EXPOSE port", port, "expose a port between 1 and 65535");
        }
        return with("EXPOSE " + java.util.Arrays.stream(ports).mapToObj(String::valueOf)
                .collect(Collectors.joining(" ")));
    }

    /**
     * {@code USER user[:group]}: the user later instructions and the container run as.
     *
     * @param user a name or uid, e.g. "1000:1000" or "app"
     * @return a new Dockerfile with the line added; this one is unchanged
     */
    public Dockerfile user(String user) {
        return with("USER " + user);
    }

    /**
     * {@code VOLUME ["path"]}.
     *
     * @param path the mount point in the image
     * @return a new Dockerfile with the line added; this one is unchanged
     */
    public Dockerfile volume(String path) {
        return with("VOLUME " + json(path));
    }

    /**
     * {@code ENTRYPOINT ["program", "arg"…]} in exec form.
     *
     * @param command the program and its arguments
     * @return a new Dockerfile with the line added; this one is unchanged
     */
    public Dockerfile entrypoint(String... command) {
        return with("ENTRYPOINT " + json(command));
    }

    /**
     * {@code CMD ["program", "arg"…]} in exec form.
     *
     * @param command the program and its arguments
     * @return a new Dockerfile with the line added; this one is unchanged
     */
    public Dockerfile cmd(String... command) {
        return with("CMD " + json(command));
    }

    /**
     * Any other instruction, written as is, e.g. {@code HEALTHCHECK CMD curl -f http://localhost/}.
     *
     * @param line the Dockerfile line
     * @return a new Dockerfile with the line added; this one is unchanged
     */
    public Dockerfile instruction(String line) {
        return with(line);
    }

    /**
     * The Dockerfile's lines, in order.
     *
     * @return the lines
     */
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
