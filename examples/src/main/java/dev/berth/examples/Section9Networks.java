package dev.berth.examples;

import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.Docker;
import dev.berth.Network;
import dev.berth.Secret;
import dev.berth.Wait;

/** §9 {@code docker network create mynet}; {@code docker run -d --network=mynet --name=db postgres}; web likewise. */
public final class Section9Networks {
    public static final String NETWORK = "mynet";

    private Section9Networks() {
    }

    public static Network createNetwork(Docker docker) {
        return docker.networks().create(NETWORK);
    }

    public static Container runDb(Docker docker, Network net) {
        return docker.containers().run(ContainerSpec.of(SeedImages.POSTGRES).name("db").network(net)
                .env("POSTGRES_PASSWORD", Secret.of("example"))
                .waitFor(Wait.log("database system is ready to accept connections").times(2)));
    }

    public static Container runWeb(Docker docker, Network net) {
        return docker.containers().run(ContainerSpec.of(SeedImages.NGINX).name("web").network(net));
    }

    /** From inside web: does "db" resolve, and does its port 5432 accept a connection? */
    public static String checkFromWeb(Container web) {
        String resolved = web.exec("getent", "hosts", "db").stdout().strip();
        int connect = web.exec("bash", "-c", "exec 3<>/dev/tcp/db/5432").exitCode();
        return "db resolves to " + resolved.split("\\s+")[0] + "; port 5432 " + (connect == 0 ? "reachable" : "closed");
    }
}
