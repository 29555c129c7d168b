package dev.berth.core.internal.compose;

import dev.berth.InvalidComposeFileException;
import dev.berth.Protocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComposeParserTest {
    @TempDir
    Path dir;

    private ComposeModel parse(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("docker-compose.yml"), yaml);
        return ComposeParser.parse(file, null, Map.of("TAG", "1.22", "EMPTY", ""));
    }

    private InvalidComposeFileException invalid(String yaml) {
        return assertThrows(InvalidComposeFileException.class, () -> parse(yaml));
    }

    @Test
    void readsTheSupportedSubset() throws Exception {
        ComposeModel model = parse("""
                name: shop
                services:
                  web:
                    image: nginx:${TAG}
                    ports: ["8080:80", "127.0.0.1::443", "0.0.0.0:5353:53/udp"]
                    environment:
                      MODE: prod
                      EMPTY_OR_DEFAULT: ${EMPTY:-fallback}
                    depends_on:
                      db: {condition: service_healthy}
                    networks:
                      front: {aliases: [www]}
                    command: echo $$HOME
                  db:
                    image: postgres:15
                    environment: [POSTGRES_PASSWORD=pw]
                    volumes: ["data:/var/lib/postgresql/data", "./init:/docker-entrypoint-initdb.d:ro"]
                    healthcheck:
                      test: ["CMD", "pg_isready"]
                      interval: 1s
                      timeout: 1m30s
                      retries: 20
                    restart: on-failure:3
                volumes:
                  data:
                networks:
                  front:
                """);
        assertEquals("shop", model.project());
        var web = model.services().get("web");
        assertEquals("nginx:1.22", web.image());
        assertEquals(3, web.ports().size());
        assertEquals(8080, web.ports().get(0).hostPort());
        assertEquals("127.0.0.1", web.ports().get(0).hostIp(), "Berth binds loopback unless the file names an IP");
        assertTrue(web.ports().get(1).randomHostPort());
        assertEquals(Protocol.UDP, web.ports().get(2).protocol());
        assertEquals("0.0.0.0", web.ports().get(2).hostIp());
        assertEquals("fallback", web.environment().get("EMPTY_OR_DEFAULT"));
        assertEquals(Map.of("db", ComposeModel.HEALTHY), web.dependsOn());
        assertEquals(List.of("www"), web.networks().get("front"));
        assertEquals(List.of("/bin/sh", "-c", "echo $HOME"), web.command());
        var db = model.services().get("db");
        assertEquals("pw", db.environment().get("POSTGRES_PASSWORD"));
        assertTrue(db.volumes().get(0).named());
        assertTrue(db.volumes().get(1).readOnly());
        assertEquals(dir.resolve("init").toString(), db.volumes().get(1).source());
        assertEquals(Duration.ofSeconds(90), db.healthCheck().timeout());
        assertEquals(20, db.healthCheck().retries());
        assertEquals("on-failure:3", db.restart().toString());
    }

    @Test
    void projectNameDefaultsToTheDirectory() throws Exception {
        assertEquals(dir.getFileName().toString().toLowerCase().replaceAll("[^a-z0-9_-]", ""),
                parse("services: {a: {image: busybox}}\n").project());
    }

    @Test
    void errorsPointAtFileLineAndColumn() {
        var badPort = invalid("""
                services:
                  web:
                    image: nginx
                    ports:
                      - "80:http"
                """);
        assertEquals(5, badPort.line());
        assertEquals(9, badPort.column());
        assertTrue(badPort.getMessage().contains("docker-compose.yml:5:9"), badPort.getMessage());
        assertTrue(badPort.getMessage().contains("8080:80"), badPort.getMessage());

        var typo = invalid("services:\n  web:\n    image: nginx\n    prots: [\"80\"]\n");
        assertEquals(4, typo.line());
        assertTrue(typo.getMessage().contains("not a service key"), typo.getMessage());

        var badMemory = invalid("services:\n  web:\n    image: nginx\n    mem_limit: lots\n");
        assertEquals(4, badMemory.line());
        assertTrue(badMemory.getMessage().contains("512m"), badMemory.getMessage());

        var unsupported = invalid("services:\n  web:\n    image: nginx\n    deploy: {replicas: 2}\n");
        assertTrue(unsupported.getMessage().contains("not supported by Berth yet"), unsupported.getMessage());

        var undeclared = invalid("services:\n  db:\n    image: postgres\n    volumes: [\"data:/var/lib/x\"]\n");
        assertTrue(undeclared.getMessage().contains("not declared"), undeclared.getMessage());
        assertEquals(4, undeclared.line());

        var missing = invalid("services:\n  web:\n    image: nginx\n    depends_on: [db]\n");
        assertTrue(missing.getMessage().contains("'db', which is not defined"), missing.getMessage());

        var cycle = invalid("services:\n  a: {image: busybox, depends_on: [b]}\n  b: {image: busybox, depends_on: [a]}\n");
        assertTrue(cycle.getMessage().contains("cycle"), cycle.getMessage());

        var yaml = invalid("services:\n  web:\n    image: nginx\n   ports: [\n");
        assertTrue(yaml.getMessage().contains("not valid YAML"), yaml.getMessage());
        assertTrue(yaml.line() >= 4, yaml.getMessage());

        var image = invalid("services:\n  web:\n    image: Nginx\n");
        assertEquals(3, image.line());
        assertEquals(12, image.column());

        var noImage = invalid("services:\n  web:\n    command: [\"true\"]\n");
        assertTrue(noImage.getMessage().contains("neither 'image' nor 'build'"), noImage.getMessage());
    }
}
