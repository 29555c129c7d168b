package dev.berth.examples;

import dev.berth.BerthLabels;
import dev.berth.Container;
import dev.berth.ContainerFilter;
import dev.berth.Docker;
import dev.berth.Filter;
import dev.berth.Network;
import dev.berth.Volume;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed's sections 4, 8 and 9 through Berth, checked from the outside. */
class SeedSectionsTest {
    static Docker docker;

    @BeforeAll
    static void connect() {
        docker = Docker.connect();
    }

    @AfterAll
    static void nothingLeft() {
        try {
            assertEquals(0, docker.containers().list(ContainerFilter.all()
                    .label(BerthLabels.SESSION, docker.sessionId())).size());
            assertEquals(0, docker.volumes().list(Filter.none().label(BerthLabels.SESSION, docker.sessionId())).size());
            assertEquals(0, docker.networks().list(Filter.none().label(BerthLabels.SESSION, docker.sessionId()))
                    .size());
        } finally {
            docker.close();
        }
    }

    /** §4: docker run -it debian bash, typing "echo hi; exit 3". */
    @Test
    void interactiveBashSaysHiAndExitsThree() {
        var typed = new ByteArrayInputStream("echo hi; exit 3\n".getBytes(StandardCharsets.UTF_8));
        var screen = new ByteArrayOutputStream();
        int exit = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Section4Interactive.bash(docker, typed, screen));
        assertEquals(3, exit);
        assertTrue(screen.toString(StandardCharsets.UTF_8).lines().anyMatch(l -> l.strip().equals("hi")),
                screen.toString(StandardCharsets.UTF_8));
    }

    /** §8: a row written over JDBC survives the container, because it lives in the volume. */
    @Test
    void volumeKeepsMysqlDataAcrossContainers() throws Exception {
        try (Volume data = docker.volumes().create(Section8Volumes.VOLUME + "-" + UUID.randomUUID())) {
            try (Container first = Section8Volumes.runMysql(docker, data, 0);
                 Connection jdbc = connect(url(first));
                 Statement sql = jdbc.createStatement()) {
                sql.execute("CREATE DATABASE seed");
                sql.execute("CREATE TABLE seed.notes (id INT PRIMARY KEY, text VARCHAR(100))");
                sql.execute("INSERT INTO seed.notes VALUES (1, 'survives the container')");
            }
            try (Container second = Section8Volumes.runMysql(docker, data, 0);
                 Connection jdbc = connect(url(second));
                 Statement sql = jdbc.createStatement();
                 ResultSet row = sql.executeQuery("SELECT text FROM seed.notes WHERE id = 1")) {
                assertTrue(row.next());
                assertEquals("survives the container", row.getString(1));
            }
        }
    }

    private static String url(Container mysql) {
        return "jdbc:mariadb://127.0.0.1:" + mysql.hostPort(3306) + "/";
    }

    /** The port is open once the server greets; a login can still race the last init step, so retry briefly. */
    private static Connection connect(String url) throws Exception {
        SQLException last = null;
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            try {
                return DriverManager.getConnection(url, "root", Section8Volumes.ROOT_PASSWORD.reveal());
            } catch (SQLException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw last;
    }

    /** §9: on the tour's network, web finds db by its alias and reaches its 5432. */
    @Test
    void containersOnANetworkFindEachOtherByName() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        try (Network net = docker.networks().create(Section9Networks.NETWORK + "-" + suffix);
             Container db = Section9Networks.runDb(docker, net, "db-" + suffix);
             Container web = Section9Networks.runWeb(docker, net, "web-" + suffix)) {
            String check = Section9Networks.checkFromWeb(web);
            assertEquals("db resolves to " + db.inspect().ipAddress(net.name()) + "; port 5432 reachable", check);
            assertEquals(2, net.inspect().containers().size());
        }
    }
}
