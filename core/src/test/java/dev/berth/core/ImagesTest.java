package dev.berth.core;

import dev.berth.BuildContext;
import dev.berth.BuildFailedException;
import dev.berth.BuildSpec;
import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.Dockerfile;
import dev.berth.Filter;
import dev.berth.Image;
import dev.berth.ImageNotFoundException;
import dev.berth.InvalidImageReferenceException;
import dev.berth.Progress;
import dev.berth.Wait;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImagesTest extends EngineTest {
    static final String APP_PY = """
            from flask import Flask
            app = Flask(__name__)

            @app.route('/')
            def hello():
                return 'Hello from Docker!'

            if __name__ == '__main__':
                app.run(host='0.0.0.0', port=5000)
            """;
    static final String SEED_DOCKERFILE = """
            FROM python:3.11-slim
            WORKDIR /app
            COPY requirements.txt .
            RUN pip install -r requirements.txt
            COPY . .
            EXPOSE 5000
            CMD ["python", "app.py"]
            """;

    private static String tag(String name) {
        return "berth-test/" + name + ":" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** §7: docker build -t myflaskapp . ; docker run -p 5000:5000 myflaskapp. */
    @Test
    void seedFlaskAppBuildsFromADirectoryAndAnswers(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("app.py"), APP_PY);
        Files.writeString(dir.resolve("requirements.txt"), "flask\n");
        Files.writeString(dir.resolve("Dockerfile"), SEED_DOCKERFILE);
        List<String> output = new CopyOnWriteArrayList<>();
        try (Image app = docker.images().build(BuildSpec.context(dir).tag(tag("myflaskapp"))
                .progress(p -> output.add(p.status())));
             Container web = docker.containers().run(ContainerSpec.of(app.reference()).publish(5000)
                     .waitFor(Wait.http(5000, "/")))) {
            assertTrue(output.stream().anyMatch(l -> l.matches("Step 4/\\d+ : RUN pip install.*")), output.toString());
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.hostPort(5000) + "/"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertEquals("Hello from Docker!", body);
            var info = app.inspect();
            assertEquals(List.of("5000/tcp"), info.exposedPorts());
            assertEquals(List.of("python", "app.py"), info.cmd());
            assertEquals("/app", info.workdir());
            assertEquals("true", info.labels().get(dev.berth.BerthLabels.MANAGED));
        }
    }

    @Test
    void dockerfileDslWithInMemoryContext() throws Exception {
        Dockerfile dockerfile = Dockerfile.from(TestImages.PYTHON).workdir("/app")
                .copy("requirements.txt", ".").run("pip install -r requirements.txt")
                .copy("app.py", ".").copy("static", "static").expose(5000).cmd("python", "app.py");
        BuildContext context = BuildContext.empty().file("app.py", APP_PY).file("requirements.txt", "flask\n")
                .resource("berth-context-resource.txt", "static/resource.txt");
        try (Image app = docker.images().build(BuildSpec.of(dockerfile, context).tag(tag("dsl")));
             Container web = docker.containers().run(ContainerSpec.of(app.reference()).publish(5000)
                     .waitFor(Wait.http(5000, "/").forBodyContaining("Hello from Docker!")))) {
            assertTrue(web.inspect().running());
            assertEquals("from the class path\n", web.readFile("/app/static/resource.txt"));
        }
        assertTrue(dockerfile.toString().startsWith("FROM python:3.11-slim\nWORKDIR /app\nCOPY [\"requirements.txt\""),
                dockerfile.toString());
    }

    @Test
    void multiStageFinalImageIsSmallerAndHasTheArtefact() {
        Dockerfile dockerfile = Dockerfile.from(TestImages.DEBIAN, "build")
                .run("mkdir -p /out && echo built-artefact > /out/artefact.txt")
                .thenFrom(TestImages.BUSYBOX)
                .copyFrom("build", "/out/artefact.txt", "/artefact.txt")
                .cmd("cat", "/artefact.txt");
        BuildContext context = BuildContext.empty();
        try (Image buildStage = docker.images().build(BuildSpec.of(dockerfile, context).target("build")
                .tag(tag("stage")));
             Image fin = docker.images().build(BuildSpec.of(dockerfile, context).tag(tag("final")));
             Container run = docker.containers().run(ContainerSpec.of(fin.reference()).waitFor(Wait.exited()))) {
            assertTrue(fin.inspect().sizeBytes() < buildStage.inspect().sizeBytes() / 4,
                    fin.inspect().sizeBytes() + " vs " + buildStage.inspect().sizeBytes());
            assertEquals("built-artefact", run.logs().all().text());
        }
        assertThrows(dev.berth.InvalidSpecException.class,
                () -> Dockerfile.from(TestImages.BUSYBOX).copyFrom("nope", "/a", "/b"));
    }

    @Test
    void dockerignoreIsHonouredInsideTheImage(@TempDir Path dir) throws Exception {
        for (String file : List.of("keep.txt", "secret.env", "logs/a.log", "logs/keep.log", "node_modules/x/y.js",
                "docs/guide.md", "README.md", "sub/deep.env")) {
            Path path = dir.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, file);
        }
        Files.writeString(dir.resolve(".dockerignore"), "# not shipped\n**/*.env\nlogs\n!logs/keep.log\nnode_modules/\n"
                + "**/*.md\n!README.md\nDockerfile\n");
        Files.writeString(dir.resolve("Dockerfile"), "FROM " + TestImages.BUSYBOX + "\nCOPY . /ctx\n");
        try (Image image = docker.images().build(BuildSpec.context(dir).tag(tag("ignore")));
             Container c = docker.containers().run(ContainerSpec.of(image.reference()).command("sleep", "300"))) {
            List<String> files = c.exec("find", "/ctx", "-type", "f").stdout().lines().map(l -> l.substring(5))
                    .sorted().toList();
            // The Dockerfile was sent (the build ran) but, being ignored, COPY leaves it out, as Docker documents.
            assertEquals(List.of(".dockerignore", "README.md", "keep.txt", "logs/keep.log"), files);
        }
    }

    /**
     * A Dockerfile given as a value travels in the context as .berth.Dockerfile; like the docker CLI with
     * {@code -f -}, Berth lists it in the .dockerignore it sends, so the engine drops it after reading and
     * {@code COPY . .} does not put it into the image. The context's own .dockerignore still applies (and is copied,
     * as Docker does, unless it lists itself); without one, the one Berth sends lists itself too.
     */
    @Test
    void aDockerfileValueIsNotCopiedIntoTheImage(@TempDir Path tmp) throws Exception {
        Dockerfile dockerfile = Dockerfile.from(TestImages.BUSYBOX).copy(".", "/ctx/");
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Files.writeString(plain.resolve("data.txt"), "payload");
        Path ignoring = Files.createDirectories(tmp.resolve("ignoring"));
        Files.writeString(ignoring.resolve("data.txt"), "payload");
        Files.writeString(ignoring.resolve("secret.env"), "x");
        Files.writeString(ignoring.resolve(".dockerignore"), "*.env\n");
        assertEquals(List.of("data.txt"), filesCopied(BuildSpec.of(dockerfile, BuildContext.directory(plain))
                .tag(tag("value-plain"))));
        assertEquals(List.of(".dockerignore", "data.txt"), filesCopied(BuildSpec.of(dockerfile,
                BuildContext.directory(ignoring)).tag(tag("value-ignoring"))));
    }

    private static List<String> filesCopied(BuildSpec spec) {
        try (Image image = docker.images().build(spec);
             Container c = docker.containers().run(ContainerSpec.of(image.reference()).command("sleep", "300"))) {
            return c.exec("find", "/ctx", "-type", "f").stdout().lines().map(l -> l.substring(5)).sorted().toList();
        }
    }

    @Test
    void dockerfileOutsideTheContextBuildArgsLabelsAndNoCache(@TempDir Path tmp) throws Exception {
        Path context = Files.createDirectories(tmp.resolve("ctx"));
        Files.writeString(context.resolve("data.txt"), "payload");
        Path dockerfile = tmp.resolve("elsewhere.Dockerfile");
        Files.writeString(dockerfile, "FROM " + TestImages.BUSYBOX + "\nARG GREETING=default\n"
                + "RUN echo $GREETING > /greeting\nCOPY data.txt /data.txt\n");
        try (Image image = docker.images().build(BuildSpec.context(context).dockerfile(dockerfile)
                .buildArg("GREETING", "hello-arg").label("team", "berth").noCache().pull().tag(tag("outside")));
             Container c = docker.containers().run(ContainerSpec.of(image.reference()).command("sleep", "300"))) {
            assertEquals("hello-arg", c.readFile("/greeting").strip());
            assertEquals("payload", c.readFile("/data.txt"));
            assertEquals("berth", image.inspect().labels().get("team"));
        }
    }

    @Test
    void failedBuildNamesTheStepAndTheError() {
        String marker = UUID.randomUUID().toString();
        // the label marks this build's layers: builds in the other test JVM make dangling images meanwhile
        Dockerfile dockerfile = Dockerfile.from(TestImages.BUSYBOX).label("berth.test.failed", marker)
                .run("echo before-failure").run("echo about to fail && exit 7");
        var e = assertThrows(BuildFailedException.class,
                () -> docker.images().build(BuildSpec.of(dockerfile, BuildContext.empty())));
        assertEquals("RUN echo about to fail && exit 7", e.step());
        assertTrue(e.error().contains("non-zero code: 7"), e.error());
        assertTrue(e.logTail().contains("about to fail"), e.logTail().toString());
        assertTrue(e.getMessage().contains("| about to fail"), e.getMessage());
        assertEquals(0, docker.images().list(Filter.none().label("berth.test.failed", marker)).size(),
                "the layers of the failed build were removed");
    }

    @Test
    void missingDockerfileIsAnInvalidSpec(@TempDir Path dir) {
        var e = assertThrows(dev.berth.InvalidSpecException.class, () -> docker.images().build(BuildSpec.context(dir)));
        assertTrue(e.getMessage().contains("no Dockerfile"), e.getMessage());
        assertThrows(InvalidImageReferenceException.class, () -> BuildSpec.context(dir).tag("Bad:Tag:x"));
    }

    @Test
    void listInspectTagHistorySaveLoadRemove() {
        String tagged = tag("copy");
        Image copy = docker.images().tag(TestImages.BUSYBOX, tagged);
        try {
            assertEquals(docker.images().inspect(TestImages.BUSYBOX).id(), copy.id());
            var listed = docker.images().list(Filter.none().reference(tagged.substring(0, tagged.indexOf(':'))));
            assertEquals(1, listed.size());
            assertTrue(listed.get(0).tags().contains(tagged));
            assertFalse(copy.history().isEmpty());
            assertTrue(copy.inspect().toString().contains(tagged));

            var tar = new ByteArrayOutputStream();
            docker.images().save(tar, tagged);
            copy.remove();
            assertThrows(ImageNotFoundException.class, () -> docker.images().inspect(tagged));
            List<String> loaded = docker.images().load(new ByteArrayInputStream(tar.toByteArray()));
            assertEquals(List.of(tagged), loaded);
            assertEquals(copy.id(), docker.images().inspect(tagged).id());
        } finally {
            copy.close();
        }
        assertThrows(ImageNotFoundException.class, () -> docker.images().get(tagged));
    }

    @Test
    void pruneRemovesDanglingImagesByLabel() {
        String label = UUID.randomUUID().toString();
        Image dangling = docker.images().build(BuildSpec.of(Dockerfile.from(TestImages.BUSYBOX)
                .run("echo " + label + " > /x"), BuildContext.empty()).label("berth.test", label));
        try {
            assertTrue(docker.images().list(Filter.none().dangling(true).label("berth.test", label)).size() == 1);
            var report = docker.images().prune(dev.berth.ImagePrune.dangling().withLabel("berth.test", label));
            assertTrue(report.images().contains(dangling.id()), report.images().toString());
        } finally {
            dangling.close();
        }
    }

    /**
     * An image only this test has: a fresh 2 MB layer on busybox, pushed to the private registry and removed locally,
     * so the pull must download that layer whatever other suites on the same engine hold (a shared image such as
     * redis may be in use by another suite's container, and then untagging it leaves every layer in place).
     */
    private static String pushUniqueImage(Path dir) throws Exception {
        docker.images().login(dev.berth.RegistryAuth.of(RegistryAuthTest.REGISTRY, RegistryAuthTest.USER,
                dev.berth.Secret.of(RegistryAuthTest.PASSWORD)));
        String ref = RegistryAuthTest.REGISTRY + "/berth-test/pull-" + UUID.randomUUID().toString().substring(0, 8)
                + ":1";
        byte[] noise = new byte[2 << 20];
        new java.util.Random().nextBytes(noise);
        Files.write(dir.resolve("noise.bin"), noise);
        Files.writeString(dir.resolve("Dockerfile"), "FROM " + TestImages.BUSYBOX + "\nCOPY noise.bin /noise.bin\n");
        try (Image built = docker.images().build(BuildSpec.context(dir).tag(ref))) {
            docker.images().push(ref, p -> { });
        }
        assertTrue(docker.images().find(ref).isEmpty(), "the local copy is gone before the pull");
        return ref;
    }

    private static void removeEverywhere(String ref) throws Exception {
        docker.images().find(ref).ifPresent(Image::close);
        RegistryAuthTest.deleteFromRegistry(ref);
    }

    @Test
    void pullThroughTheMirrorReportsProgress(@TempDir Path dir) throws Exception {
        String ref = pushUniqueImage(dir);
        List<Progress> events = new CopyOnWriteArrayList<>();
        try {
            docker.images().pull(ref, events::add);
            assertTrue(events.stream().anyMatch(p -> p.total() > 0 && p.current() > 0), events.toString());
            assertTrue(events.stream().anyMatch(p -> p.status().startsWith("Pull complete")), events.toString());
            Progress last = events.get(events.size() - 1);
            assertTrue(last.status().contains(ref), last.toString());
            assertTrue(events.stream().anyMatch(p -> p.fraction() > 0.99), "overall reaches 100%");
        } finally {
            removeEverywhere(ref);
        }
    }

    /** run() with the default pull policy pulls a missing image and starts it. */
    @Test
    void runPullsAMissingImage(@TempDir Path dir) throws Exception {
        String ref = pushUniqueImage(dir);
        try (var c = docker.containers().run(ContainerSpec.of(ref).command("sh", "-c", "wc -c < /noise.bin; sleep 300")
                .waitFor(Wait.log("2097152")))) {
            assertTrue(c.logs().all().text().contains("2097152"));
        } finally {
            removeEverywhere(ref);
        }
    }

    @Test
    void unknownImageFailsFast() {
        var e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(ImageNotFoundException.class,
                () -> docker.images().pull("berth-no-such-image:1", p -> { })));
        assertTrue(e.getMessage().contains("docker.io"), e.getMessage());
    }
}
