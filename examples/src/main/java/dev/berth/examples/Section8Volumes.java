package dev.berth.examples;

import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.Docker;
import dev.berth.ExecSpec;
import dev.berth.Secret;
import dev.berth.Volume;
import dev.berth.Wait;
import java.time.Duration;

/**
 * §8 {@code docker volume create data1} and
 * {@code docker run -d -p 3307:3306 -e MYSQL_ROOT_PASSWORD=pass -v data1:/var/lib/mysql mysql}.
 */
public final class Section8Volumes {
    public static final String VOLUME = "data1";
    public static final int SEED_HOST_PORT = 3307;
    public static final Secret ROOT_PASSWORD = Secret.of("pass");

    private Section8Volumes() {
    }

    /**
     * MySQL (MariaDB here) on the volume, ready when the final server answers over TCP inside the container. The
     * port alone is not enough: Docker's port proxy accepts before anything listens, and on a fresh volume the
     * image first runs a temporary server without networking to initialise it. {@code mysqladmin ping} exits 0
     * once a server answers, even before a login would work.
     *
     * @param hostPort the host port for 3306; 0 for a free one
     */
    public static Container runMysql(Docker docker, Volume data, int hostPort) {
        ContainerSpec spec = ContainerSpec.of(SeedImages.MYSQL);
        return docker.containers().run((hostPort == 0 ? spec.publish(3306) : spec.publish(hostPort, 3306))
                .env("MYSQL_ROOT_PASSWORD", ROOT_PASSWORD)
                .mount(data, "/var/lib/mysql")
                .waitFor(Wait.allOf(Wait.port(3306),
                        Wait.exec("mysqladmin", "--protocol=tcp", "-h127.0.0.1", "ping").timeout(Duration.ofMinutes(2)))
                        .timeout(Duration.ofMinutes(2))));
    }

    /** Runs SQL with the mysql client inside the container; returns what it printed. */
    public static String sql(Container mysql, String statement) {
        var result = mysql.exec(ExecSpec.of("mysql", "-uroot", "-N", "-e", statement)
                .env("MYSQL_PWD", ROOT_PASSWORD.reveal()));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("SQL failed: " + result.stderr());
        }
        return result.stdout().strip();
    }
}
