package dev.berth.examples;

import dev.berth.Container;
import dev.berth.ContainerFilter;
import dev.berth.ContainerSpec;
import dev.berth.Docker;
import dev.berth.Network;
import dev.berth.Stack;
import dev.berth.StackSpec;
import dev.berth.Volume;
import dev.berth.Wait;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The seed's Docker walkthrough, one Berth line per docker command. Run it with {@code ./mvnw -q -Ptour verify}.
 * Everything it starts it removes again.
 */
public final class Tour {
    private final Docker docker;
    private final PrintStream out;

    public Tour(Docker docker, PrintStream out) {
        this.docker = docker;
        this.out = out;
    }

    public static void main(String[] args) {
        try (Docker docker = Docker.connect()) {
            new Tour(docker, System.out).run();
        }
    }

    public void run() {
        versionAndStatus();
        runNginx();
        interactiveShell();
        volumes();
        networks();
        compose();
        prune();
        out.println("\nTour finished; everything it started has been removed.");
    }

    /** docker --version / docker version / docker info / docker ps / docker ps -a. */
    void versionAndStatus() {
        step("docker version", "docker.version()");
        out.println(docker.version());
        step("docker info", "docker.info()");
        out.println(docker.info());
        step("docker ps", "docker.containers().list()");
        docker.containers().list().forEach(out::println);
        step("docker ps -a", "docker.containers().list(ContainerFilter.all())");
        out.println(docker.containers().list(ContainerFilter.all()).size() + " containers in all");
    }

    /** docker run -d -p 8080:80 nginx; curl localhost:8080; docker logs; docker exec; docker stop; docker rm. */
    void runNginx() {
        step("docker run -d -p 8080:80 nginx",
                "docker.containers().run(ContainerSpec.of(\"nginx\").publish(8080, 80).waitFor(Wait.http(80, \"/\")))");
        try (Container web = docker.containers().run(ContainerSpec.of("nginx").publish(8080, 80)
                .waitFor(Wait.http(80, "/")))) {
            out.println(web.inspect());
            step("curl http://localhost:8080", "(plain Java HTTP)");
            String page = fetch("http://localhost:" + web.hostPort(80) + "/");
            out.println(page.lines().filter(l -> l.contains("<h1>")).findFirst().orElse(page).strip());
            step("docker logs --tail 5 <container>", "web.logs().tail(5)");
            out.println(web.logs().tail(5));
            step("docker exec <container> nginx -v", "web.exec(\"nginx\", \"-v\")");
            out.println(web.exec("nginx", "-v"));
            step("docker stop <container>", "web.stop()");
            web.stop();
            out.println(web.inspect());
            step("docker rm <container>", "web.remove()");
            web.remove();
        }
    }

    /** §4: docker run -it debian bash, with the tour typing the commands. */
    void interactiveShell() {
        step("docker run -it debian bash   (typing: echo hi from bash; exit 3)",
                "container.attach(stdin, stdout) on ContainerSpec.of(\"debian\").command(\"bash\").interactive()");
        var typed = new java.io.ByteArrayInputStream("echo hi from bash; exit 3\n".getBytes(StandardCharsets.UTF_8));
        var screen = new java.io.ByteArrayOutputStream();
        int exit = Section4Interactive.bash(docker, typed, screen);
        out.println(screen.toString(StandardCharsets.UTF_8).strip());
        out.println("bash exited with " + exit);
    }

    /** §8: a named volume keeps MySQL's data across containers. */
    void volumes() {
        step("docker volume create data1", "docker.volumes().getOrCreate(\"data1\")");
        try (Volume data = Section8Volumes.createVolume(docker)) {
            out.println(data.inspect() + (data.adopted() ? " (existed before the tour: it will be kept)" : ""));
            step("docker run -d -p 3307:3306 -e MYSQL_ROOT_PASSWORD=pass -v data1:/var/lib/mysql mysql",
                    "ContainerSpec.of(\"mysql\").publish(3307, 3306).env(\"MYSQL_ROOT_PASSWORD\", Secret.of(\"pass\"))"
                            + ".mount(data, \"/var/lib/mysql\")");
            try (Container mysql = Section8Volumes.runMysql(docker, data)) {
                Section8Volumes.sql(mysql, "CREATE DATABASE tour; CREATE TABLE tour.t (v TEXT);"
                        + " INSERT INTO tour.t VALUES ('kept in data1')");
                out.println("wrote a row; removing the container");
            }
            try (Container again = Section8Volumes.runMysql(docker, data)) {
                out.println("new container, same volume reads: " + Section8Volumes.sql(again, "SELECT v FROM tour.t"));
            }
            step("docker volume rm data1", data.adopted() ? "data.close() keeps an adopted volume" : "data.close()");
        }
    }

    /** §9: containers on a user network find each other by name. */
    void networks() {
        step("docker network create mynet; docker run -d --network=mynet --name=db postgres; … --name=web nginx",
                "docker.networks().create(\"mynet\"); ContainerSpec.of(\"postgres\").name(\"db\").network(net)");
        try (Network net = Section9Networks.createNetwork(docker);
             Container db = Section9Networks.runDb(docker, net);
             Container web = Section9Networks.runWeb(docker, net)) {
            out.println(net.inspect());
            out.println(Section9Networks.checkFromWeb(web));
        }
    }

    /** docker compose up -d / ps / down, from a compose file. */
    void compose() {
        step("docker compose up -d   (web: nginx, cache: redis)", "docker.stacks().up(StackSpec.fromCompose(file))");
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("berth-tour");
            java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("docker-compose.yml"), """
                    services:
                      web:
                        image: nginx
                        ports: ["80"]
                        depends_on: [cache]
                      cache:
                        image: redis
                    """);
            try (Stack stack = docker.stacks().up(StackSpec.fromCompose(file).projectName("berth-tour"))) {
                step("docker compose ps", "stack.ps()");
                stack.ps().forEach(out::println);
                out.println("web answers on port " + stack.service("web").hostPort(80) + "; cache says "
                        + stack.service("cache").exec("redis-cli", "ping").stdout().strip());
                step("docker compose down", "stack.down()");
            } finally {
                java.nio.file.Files.delete(file);
                java.nio.file.Files.delete(dir);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** §6: docker system prune -a -f, narrowed to what Berth made. */
    void prune() {
        step("docker system prune -a -f   (only what Berth created)", "docker.system().prune(Prune.everything().onlyBerth())");
        out.println(Section6Prune.pruneBerthsOwn(docker));
        step("docker system df", "docker.system().diskUsage()");
        out.println(docker.system().diskUsage());
    }

    /** The one line of Java that page needs; kept here so the tour has no other dependency. */
    static String fetch(String url) {
        try (InputStream in = URI.create(url).toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void step(String command, String java) {
        out.println();
        out.println("$ " + command);
        out.println("  -> " + java);
    }
}
