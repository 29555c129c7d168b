package dev.berth.examples;

import dev.berth.BerthLabels;
import dev.berth.BuildContext;
import dev.berth.BuildSpec;
import dev.berth.Container;
import dev.berth.ContainerFilter;
import dev.berth.ContainerSpec;
import dev.berth.ContainerSummary;
import dev.berth.Docker;
import dev.berth.Image;
import dev.berth.ImageSummary;
import dev.berth.Network;
import dev.berth.ProgressListener;
import dev.berth.Stack;
import dev.berth.StackSpec;
import dev.berth.Volume;
import dev.berth.Wait;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The seed's Docker walkthrough, section by section (§3 to §11): each step prints the docker command, the Berth
 * line that does the same, and what came back. Run it with {@code ./mvnw -q -Ptour verify}.
 * <p>Safe on a machine in use: it creates only what it names (unique names that read like the seed's, or with
 * {@code -Dtour.names=seed} the seed's volume and network names while they are free), publishes on free ports of 127.0.0.1 unless given ({@code -Dtour.port=8080},
 * {@code -Dtour.appPort=5000}, {@code -Dtour.dbPort=3307}), prunes only what its own connection created, and
 * removes everything it made before it ends, whatever happens. Two tours can run at once on one engine.
 */
public final class Tour {
    private final Docker docker;
    private final PrintStream out;
    private final TourNames names;

    /** A tour with unique names, or the seed's volume and network names while free with {@code -Dtour.names=seed}. */
    public Tour(Docker docker, PrintStream out) {
        this(docker, out, "seed".equals(System.getProperty("tour.names")));
    }

    /** @param seedNames use the seed's volume and network names ({@code data1}, {@code mynet}) while they are free */
    public Tour(Docker docker, PrintStream out, boolean seedNames) {
        this.docker = docker;
        this.out = out;
        this.names = new TourNames(docker, out, seedNames);
    }

    public static void main(String[] args) {
        try (Docker docker = Docker.connect()) {
            new Tour(docker, System.out).run();
        }
    }

    public void run() {
        Path work = tempDirectory();
        try {
            section3Basics();
            section4Interactive();
            try (Container web = section5RunDetached()) {
                section6StopRemovePrune(web);
            }
            section7Build(work);
            section8Volumes();
            section9Networks();
            section10Compose(work);
            section11BestPractices(work);
        } finally {
            deleteRecursively(work);
            sweep();
        }
        out.println("\nTour finished; everything it created has been removed.");
    }

    /** §3: docker --version, docker info, docker ps [-a], docker images, docker pull. */
    void section3Basics() {
        heading("§3 First commands: version, ps, images, pull");
        step("docker --version   (and docker version)", "docker.version()");
        result(docker.version());
        step("docker info", "docker.info()");
        result(docker.info());
        step("docker ps", "docker.containers().list()");
        List<ContainerSummary> running = docker.containers().list();
        result(running.size() + " running");
        running.stream().limit(5).forEach(this::result);
        step("docker ps -a", "docker.containers().list(ContainerFilter.all())");
        result(docker.containers().list(ContainerFilter.all()).size() + " containers in all (running or not)");
        step("docker images", "docker.images().list()");
        List<ImageSummary> images = docker.images().list();
        result(images.size() + " images, for example:");
        images.stream().limit(5).forEach(this::result);
        step("docker pull nginx", "docker.images().pull(\"nginx\", ProgressListener.console(\"pull nginx\"))");
        result(docker.images().pull(SeedImages.NGINX, progress("pull nginx")));
    }

    /** §4: docker run -it debian bash, with the tour typing the commands. */
    void section4Interactive() {
        heading("§4 An interactive container: docker run -it");
        step("docker run -it debian bash   (the tour types: echo hi from bash; exit 3)",
                "docker.containers().create(ContainerSpec.of(\"debian\").command(\"bash\").interactive())"
                        + ".attach(System.in, System.out)");
        var typed = new ByteArrayInputStream("echo hi from bash; exit 3\n".getBytes(StandardCharsets.UTF_8));
        var screen = new ByteArrayOutputStream();
        int exit = Section4Interactive.bash(docker, typed, screen);
        // a TTY echoes what is typed and ends lines with \r\n, and bash sends terminal control codes (bracketed
        // paste on/off): fine on a screen, noise in a transcript, so the tour prints the plain text
        result(screen.toString(StandardCharsets.UTF_8).replace("\r", "").replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "")
                .strip());
        result("bash exited with " + exit + "; the container is removed (close())");
    }

    /** §5: docker run -d -p 8080:80 nginx, then curl, docker ps, docker logs, docker exec. */
    Container section5RunDetached() {
        heading("§5 A web server in the background: docker run -d -p");
        int port = TourNames.hostPort("tour.port");
        String name = names.unique("web");
        ContainerSpec spec = ContainerSpec.of(SeedImages.NGINX).name(name);
        spec = port == 0 ? spec.publish(80) : spec.publish(port, 80);
        step("docker run -d --name " + name + " -p 127.0.0.1:" + (port == 0 ? "" : port) + ":80 nginx"
                        + "   (seed: -p 8080:80; " + (port == 0 ? "a free port here, -Dtour.port=8080 for the seed's)"
                        : "the port you gave)"),
                "docker.containers().run(ContainerSpec.of(\"nginx\").name(\"" + name + "\")."
                        + (port == 0 ? "publish(80)" : "publish(" + port + ", 80)") + ".waitFor(Wait.http(80, \"/\")))");
        Container web = docker.containers().run(spec.waitFor(Wait.http(80, "/")));
        try {
            result(web.inspect());
            String url = "http://127.0.0.1:" + web.hostPort(80) + "/";
            step("curl " + url, "web.hostPort(80)  (then any HTTP client)");
            String page = fetch(url);
            result(page.lines().filter(l -> l.contains("<h1>")).findFirst().orElse(page).strip());
            step("docker ps --filter name=" + name, "docker.containers().list(ContainerFilter.running().name(\""
                    + name + "\"))");
            docker.containers().list(ContainerFilter.running().name(name)).forEach(this::result);
            step("docker logs --tail 3 " + name, "web.logs().tail(3)");
            result(web.logs().tail(3));
            step("docker exec " + name + " nginx -v", "web.exec(\"nginx\", \"-v\")");
            result(web.exec("nginx", "-v"));
            return web;
        } catch (RuntimeException e) {
            web.close();
            throw e;
        }
    }

    /** §6: docker stop, docker rm, and docker system prune (only what this tour made). */
    void section6StopRemovePrune(Container web) {
        heading("§6 Stop, remove, prune");
        step("docker stop " + web.name(), "web.stop()");
        web.stop();
        result(web.inspect());
        step("docker rm " + web.name(), "web.remove()");
        web.remove();
        result("removed");
        String name = names.unique("hello");
        step("docker run --name " + name + " busybox echo hello   (exits, and stays until removed)",
                "docker.containers().run(ContainerSpec.of(\"busybox\").name(\"" + name + "\").command(\"echo\", \"hello\")"
                        + ".waitFor(Wait.exited()))");
        Container hello = docker.containers().run(ContainerSpec.of(SeedImages.BUSYBOX).name(name)
                .command("echo", "hello").waitFor(Wait.exited()));
        result(hello.logs().all());
        String label = BerthLabels.SESSION + "=" + docker.sessionId();
        step("docker ps -a --filter label=" + label,
                "docker.containers().list(ContainerFilter.all().label(BerthLabels.SESSION, docker.sessionId()))");
        docker.containers().list(ContainerFilter.all().label(BerthLabels.SESSION, docker.sessionId()))
                .forEach(this::result);
        step("docker system prune -a -f --volumes --filter label=" + label
                        + "   (the seed prunes everything; the tour only what it made)",
                "docker.system().prune(Prune.everything().withLabel(BerthLabels.SESSION, docker.sessionId()))");
        result(Section6Prune.pruneOwn(docker));
        step("docker system df", "docker.system().diskUsage()");
        result(docker.system().diskUsage());
    }

    /** §7: docker build -t myflaskapp . and docker run -d -p 5000:5000 myflaskapp. */
    void section7Build(Path work) {
        heading("§7 Build the Flask app: docker build");
        Path dir = Section7Build.writeApp(work);
        result("app.py, requirements.txt and this Dockerfile in " + dir + ":");
        result(Section7Build.DOCKERFILE.strip());
        String tag = names.unique("myflaskapp");
        // --no-cache: layers of its own, so removing its image never takes a cached layer from under another build
        // (two tours at once on Docker 20.10 failed with "unknown parent image ID" without it)
        step("docker build --no-cache -t " + tag + " .   (seed: -t myflaskapp; a unique tag and layers of its own,"
                        + " so nothing of yours is re-tagged or shared)",
                "docker.images().build(BuildSpec.context(dir).tag(\"" + tag + "\").noCache())");
        try (Image app = docker.images().build(BuildSpec.context(dir).tag(tag).noCache()
                .progress(progress("build " + tag)))) {
            result(app);
            int port = TourNames.hostPort("tour.appPort");
            ContainerSpec spec = ContainerSpec.of(tag).name(names.unique("flask"));
            spec = port == 0 ? spec.publish(5000) : spec.publish(port, 5000);
            step("docker run -d -p 127.0.0.1:" + (port == 0 ? "" : port) + ":5000 " + tag
                            + "   (seed: -p 5000:5000; -Dtour.appPort=5000 for the seed's)",
                    "docker.containers().run(ContainerSpec.of(\"" + tag + "\").publish(5000).waitFor(Wait.http(5000, \"/\")))");
            try (Container flask = docker.containers().run(spec.waitFor(Wait.http(5000, "/")))) {
                String url = "http://127.0.0.1:" + flask.hostPort(5000) + "/";
                step("curl " + url, "(any HTTP client)");
                result(fetch(url));
            }
            step("docker rmi " + tag, "app.close()   (or docker.images().remove(tag, …))");
        }
        result("removed the container and the image");
    }

    /** §8: a named volume keeps MySQL's data across containers. */
    void section8Volumes() {
        heading("§8 Volumes: data that outlives a container");
        step("docker volume create " + Section8Volumes.VOLUME, "docker.volumes().create(\"" + Section8Volumes.VOLUME + "\")");
        try (Volume data = names.volume(Section8Volumes.VOLUME)) {
            result(data.inspect());
            int port = TourNames.hostPort("tour.dbPort");
            step("docker run -d -p 127.0.0.1:" + (port == 0 ? "" : port) + ":3306 -e MYSQL_ROOT_PASSWORD=pass -v "
                            + data.name() + ":/var/lib/mysql mysql   (seed: -p 3307:3306; -Dtour.dbPort=3307 for it)",
                    "ContainerSpec.of(\"mysql\").publish(3306).env(\"MYSQL_ROOT_PASSWORD\", Secret.of(\"pass\"))"
                            + ".mount(data, \"/var/lib/mysql\")");
            try (Container mysql = Section8Volumes.runMysql(docker, data, port)) {
                result("MySQL answers on 127.0.0.1:" + mysql.hostPort(3306));
                step("docker exec … mysql -e \"CREATE DATABASE tour; …INSERT…\"",
                        "mysql.exec(ExecSpec.of(\"mysql\", \"-uroot\", \"-e\", sql).env(\"MYSQL_PWD\", …))");
                Section8Volumes.sql(mysql, "CREATE DATABASE tour; CREATE TABLE tour.t (v TEXT);"
                        + " INSERT INTO tour.t VALUES ('kept in " + data.name() + "')");
                result("wrote a row; now docker rm -f the container");
            }
            step("docker run … -v " + data.name() + ":/var/lib/mysql mysql   (a new container, the same volume)",
                    "Section8Volumes.runMysql(docker, data, port)");
            try (Container again = Section8Volumes.runMysql(docker, data, port)) {
                result("the new container reads: " + Section8Volumes.sql(again, "SELECT v FROM tour.t"));
            }
            step("docker volume rm " + data.name(), "data.close()   (the tour made it, so it removes it)");
        }
        result("removed");
    }

    /** §9: containers on a user network find each other by name. */
    void section9Networks() {
        heading("§9 Networks: containers that find each other by name");
        step("docker network create " + Section9Networks.NETWORK,
                "docker.networks().create(\"" + Section9Networks.NETWORK + "\")");
        try (Network net = names.network(Section9Networks.NETWORK)) {
            result(net.inspect());
            String db = names.unique("db");
            String web = names.unique("web");
            step("docker run -d --network=" + net.name() + " --name=" + db + " --network-alias=db postgres",
                    "ContainerSpec.of(\"postgres\").name(\"" + db + "\").network(net, \"db\")");
            try (Container dbContainer = Section9Networks.runDb(docker, net, db)) {
                result(dbContainer.inspect());
                step("docker run -d --network=" + net.name() + " --name=" + web + " --network-alias=web nginx",
                        "ContainerSpec.of(\"nginx\").name(\"" + web + "\").network(net, \"web\")");
                try (Container webContainer = Section9Networks.runWeb(docker, net, web)) {
                    step("docker exec " + web + " getent hosts db; … /dev/tcp/db/5432",
                            "web.exec(\"getent\", \"hosts\", \"db\")");
                    result(Section9Networks.checkFromWeb(webContainer));
                }
            }
            step("docker rm -f " + db + " " + web + "; docker network rm " + net.name(),
                    "try-with-resources: containers, then the network");
        }
        result("removed");
    }

    /** §10: docker compose up -d / ps / down, from a compose file. */
    void section10Compose(Path work) {
        heading("§10 Compose: several containers from one file");
        Path file;
        try {
            file = Files.writeString(Files.createDirectories(work.resolve("compose")).resolve("docker-compose.yml"), """
                    services:
                      web:
                        image: nginx
                        ports: ["80"]
                        depends_on: [cache]
                      cache:
                        image: redis
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String project = names.unique("berth-tour");
        step("docker compose -p " + project + " up -d   (web: nginx, cache: redis)",
                "docker.stacks().up(StackSpec.fromCompose(file).projectName(\"" + project + "\"))");
        Stack stack = docker.stacks().up(StackSpec.fromCompose(file).projectName(project));
        try {
            step("docker compose -p " + project + " ps", "stack.ps()");
            stack.ps().forEach(this::result);
            step("docker compose -p " + project + " exec cache redis-cli ping",
                    "stack.service(\"cache\").exec(\"redis-cli\", \"ping\")");
            result("web answers on port " + stack.service("web").hostPort(80) + "; cache says "
                    + stack.service("cache").exec("redis-cli", "ping").stdout().strip());
            // redis declares VOLUME /data: down() (= docker compose down) would leave that anonymous volume behind
            step("docker compose -p " + project + " down -v",
                    "stack.downRemovingVolumes()   (stack.down() / close() keep volumes, as down without -v does)");
        } finally {
            stack.downRemovingVolumes();
        }
        result("removed, with the anonymous volume redis' image declares");
    }

    /** §11: multi-stage build, non-root user, .dockerignore, resource limits. */
    void section11BestPractices(Path work) {
        heading("§11 Best practices: multi-stage, non-root, .dockerignore, limits");
        Path dir = Section11Practices.writeContext(work);
        step("cat .dockerignore   (keeps .git, .env and __pycache__ out of the build context)",
                "BuildContext.directory(dir)  (Berth reads .dockerignore)");
        result(readString(dir.resolve(".dockerignore")).strip());
        step("cat Dockerfile   (two stages; the final one runs as user " + Section11Practices.USER + ")",
                "Dockerfile.from(\"python:3.11-slim\", \"build\")…thenFrom(\"python:3.11-slim\")…user(\"app\")");
        result(Section11Practices.dockerfile());
        String tag = names.unique("myflaskapp-best");
        step("docker build --no-cache -t " + tag + " .", "docker.images().build(BuildSpec.of(dockerfile,"
                + " BuildContext.directory(dir)).tag(\"" + tag + "\").noCache())");
        try (Image app = docker.images().build(BuildSpec.of(Section11Practices.dockerfile(), BuildContext.directory(dir))
                .tag(tag).noCache().progress(progress("build " + tag)))) {
            result(app + ", runs as user " + app.inspect().user());
            int port = TourNames.hostPort("tour.appPort");
            step("docker run -d --memory 128m --cpus 0.5 --pids-limit 100 --read-only --tmpfs /tmp --cap-drop ALL"
                            + " -p 127.0.0.1:" + (port == 0 ? "" : port) + ":5000 " + tag,
                    "ContainerSpec.of(tag).memory(\"128m\").cpus(0.5).pidsLimit(100).readOnlyRootfs().tmpfs(\"/tmp\")"
                            + ".capDrop(\"ALL\")");
            try (Container best = docker.containers().run(Section11Practices.limited(tag, port)
                    .name(names.unique("flask-best")).waitFor(Wait.http(5000, "/")))) {
                result("it answers: " + fetch("http://127.0.0.1:" + best.hostPort(5000) + "/"));
                step("docker exec … id -u; ls -A /app", "best.exec(\"id\", \"-u\"); best.exec(\"ls\", \"-A\", \"/app\")");
                result("uid " + best.exec("id", "-u").stdout().strip() + "; /app holds: "
                        + String.join(" ", best.exec("ls", "-A", "/app").stdout().strip().split("\\s+"))
                        + "   (no .env, no .git)");
                step("docker exec … cat the cgroup limits", "best.exec(\"sh\", \"-c\", \"cat …memory.max …cpu.max\")");
                result(best.exec("sh", "-c", "cat /sys/fs/cgroup/memory.max 2>/dev/null"
                        + " || cat /sys/fs/cgroup/memory/memory.limit_in_bytes;"
                        + " cat /sys/fs/cgroup/cpu.max 2>/dev/null || cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us")
                        .stdout().strip().replace("\n", " / ") + "   (memory bytes / cpu quota: 128m, half a CPU)");
                step("docker exec … touch /app/x   (read-only root file system)", "best.exec(\"touch\", \"/app/x\")");
                result(best.exec("touch", "/app/x"));
            }
            step("docker rm -f …; docker rmi " + tag, "try-with-resources");
        }
        result("removed");
    }

    /** Removes anything of this connection's that is still there (nothing, unless a step failed half-way). */
    private void sweep() {
        var left = docker.containers().list(ContainerFilter.all().label(BerthLabels.SESSION, docker.sessionId()));
        for (ContainerSummary c : left) {
            out.println("  (removing " + c.name() + ", left by a failed step)");
            docker.containers().get(c.id()).close();
        }
    }

    /** On a terminal the live bar; when printing elsewhere (tests, pipes) one line per step. */
    private ProgressListener progress(String label) {
        return out == System.out ? ProgressListener.console(label)
                : ProgressListener.lines(label, line -> out.println("  " + line));
    }

    /** The one line of Java that curl needs; kept here so the tour has no other dependency. */
    static String fetch(String url) {
        try (InputStream in = URI.create(url).toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void heading(String title) {
        out.println();
        out.println("== " + title + " ==");
    }

    private void step(String command, String java) {
        out.println();
        out.println("$ " + command);
        out.println("  berth> " + java);
    }

    private void result(Object value) {
        String.valueOf(value).lines().forEach(line -> out.println("  " + line));
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("berth-tour");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
