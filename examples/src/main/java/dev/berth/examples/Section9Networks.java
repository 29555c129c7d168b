package dev.berth.examples;

import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.Docker;
import dev.berth.Network;
import dev.berth.Secret;
import dev.berth.Wait;

/**
 * §9 {@code docker network create mynet}; {@code docker run -d --network=mynet --name=db postgres}; web likewise.
 * The containers find each other by the names {@code db} and {@code web}: they are their aliases on the network,
 * so the container names themselves can be unique (two tours at once, or your own {@code db}, never clash).
 */
public final class Section9Networks {
    public static final String NETWORK = "mynet";

    private Section9Networks() {
    }

    public static Container runDb(Docker docker, Network net, String containerName) {
        return docker.containers().run(ContainerSpec.of(SeedImages.POSTGRES).name(containerName).network(net, "db")
                .env("POSTGRES_PASSWORD", Secret.of("example"))
                .waitFor(Wait.log("database system is ready to accept connections").times(2)));
    }

    public static Container runWeb(Docker docker, Network net, String containerName) {
        return docker.containers().run(ContainerSpec.of(SeedImages.NGINX).name(containerName).network(net, "web"));
    }

    /**
     * From inside web: does "db" resolve, and does its port 5432 accept a connection? Asks for up to 30 seconds: on
     * a busy engine the embedded DNS can answer a just-started container's first lookups with nothing.
     */
    public static String checkFromWeb(Container web) {
        String resolved = "";
        int connect = -1;
        long end = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        do {
            resolved = web.exec("getent", "hosts", "db").stdout().strip();
            connect = resolved.isEmpty() ? -1 : web.exec("bash", "-c", "exec 3<>/dev/tcp/db/5432").exitCode();
            if (connect == 0) {
                break;
            }
            sleep(200);
        } while (System.nanoTime() < end);
        return "db resolves to " + resolved.split("\\s+")[0] + "; port 5432 " + (connect == 0 ? "reachable" : "closed");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
