package dev.berth.examples;

import dev.berth.Container;
import dev.berth.ContainerFilter;
import dev.berth.ContainerSpec;
import dev.berth.Docker;
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
