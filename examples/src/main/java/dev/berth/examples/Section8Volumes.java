package dev.berth.examples;

import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.Docker;
import dev.berth.Secret;
import dev.berth.Volume;
import dev.berth.Wait;

/**
 * §8 {@code docker volume create data1} and
 * {@code docker run -d -p 3307:3306 -e MYSQL_ROOT_PASSWORD=pass -v data1:/var/lib/mysql mysql}.
 */
public final class Section8Volumes {
    public static final String VOLUME = "data1";
    public static final int HOST_PORT = 3307;
    public static final Secret ROOT_PASSWORD = Secret.of("pass");

    private Section8Volumes() {
    }

    /**
     * The tour's volume. {@code getOrCreate}, not {@code create}: a "data1" that is already there holds someone's
     * data, so the handle adopts it and its {@code close()} keeps it.
     */
    public static Volume createVolume(Docker docker) {
        return docker.volumes().getOrCreate(VOLUME);
    }

    /** MySQL (MariaDB here) on the volume, ready when the server greets on its published port. */
    public static Container runMysql(Docker docker, Volume data) {
        return docker.containers().run(ContainerSpec.of(SeedImages.MYSQL)
                .publish(HOST_PORT, 3306)
                .env("MYSQL_ROOT_PASSWORD", ROOT_PASSWORD)
                .mount(data, "/var/lib/mysql")
                .waitFor(Wait.port(3306).timeout(java.time.Duration.ofMinutes(2))));
    }

    /** Runs SQL with the mysql client inside the container; returns what it printed. */
    public static String sql(Container mysql, String statement) {
        var result = mysql.exec(dev.berth.ExecSpec.of("mysql", "-uroot", "-N", "-e", statement)
                .env("MYSQL_PWD", ROOT_PASSWORD.reveal()));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("SQL failed: " + result.stderr());
        }
        return result.stdout().strip();
    }
}
