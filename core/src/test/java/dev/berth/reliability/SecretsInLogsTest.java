package dev.berth.reliability;

import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.Docker;
import dev.berth.DockerSettings;
import dev.berth.ExecSpec;
import dev.berth.RegistryAuth;
import dev.berth.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Defect: docker-java's loggers printed env values and X-Registry-Auth at DEBUG. A child JVM logs everything at TRACE
 * (slf4j-simple, every logger, to a file) while it runs a container with a secret env value, logs in, pushes and
 * pulls with credentials, and runs an exec with an env value; the file must hold none of the secrets. Bound: 2 min.
 */
@org.junit.jupiter.api.extension.ExtendWith(dev.berth.core.VolumeLeakWatch.class)
class SecretsInLogsTest {
    static final String REGISTRY = "127.0.0.1:15001";

    @TempDir
    Path home;

    public static final class Workload {
        public static void main(String[] args) throws Exception {
            String secret = args[0];
            Path home = Path.of(args[1]);
            String execSecret = args[2];
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("HOME", home.toString());
            String ref = REGISTRY + "/berth-test/" + UUID.randomUUID().toString().substring(0, 8) + ":v1";
            try (Docker docker = Docker.connect(DockerSettings.defaults().configDir(home.resolve(".docker"))
                    .environment(env))) {
                try (Container c = docker.containers().run(ContainerSpec.of("busybox:1.36")
                        .env("BERTH_SECRET", Secret.of(secret)).command("sleep", "60"))) {
                    String seen = c.exec(ExecSpec.of("sh", "-c", "echo $BERTH_SECRET")).stdout().strip();
                    System.out.println("ENV-SEEN " + seen.equals(secret));
                    // ExecSpec.env takes plain strings: its values are kept out of every logger all the same
                    String execSeen = c.exec(ExecSpec.of("sh", "-c", "echo $EXEC_TOKEN").env("EXEC_TOKEN", execSecret))
                            .stdout().strip();
                    System.out.println("EXEC-ENV-SEEN " + execSeen.equals(execSecret));
                }
                docker.images().login(RegistryAuth.of(REGISTRY, "hubuser", Secret.of("hubpass")));
                try {
                    // sends X-Registry-Auth; a missing repository leaves nothing in the registry
                    docker.images().pull(ref, p -> { });
                } catch (dev.berth.ImageNotFoundException expected) {
                    System.out.println("PULL-TRIED");
                }
            }
            System.out.println("DONE");
        }
    }

    @Test
    void nothingSecretReachesAnyLoggerAtTrace() throws Exception {
        String secret = "berth-secret-" + UUID.randomUUID();
        String execSecret = "berth-exec-secret-" + UUID.randomUUID();
        Path log = home.resolve("trace.log");
        try (ChildJvm child = ChildJvm.start(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                "-Dorg.slf4j.simpleLogger.logFile=" + log), Workload.class, secret, home.toString(), execSecret)) {
            assertEquals(0, child.awaitExit(Duration.ofMinutes(2)), child::output);
            assertTrue(child.output().contains("ENV-SEEN true"), child.output());
            assertTrue(child.output().contains("EXEC-ENV-SEEN true"), child.output());
            assertTrue(child.output().contains("PULL-TRIED") && child.output().contains("DONE"), child.output());
        }
        String logged = Files.readString(log);
        assertTrue(logged.contains("DEBUG") || logged.contains("TRACE"), "the logger did capture: " + logged.length());
        assertFalse(logged.contains(secret), "the secret env value reached a logger");
        assertFalse(logged.contains(execSecret), "an ExecSpec.env value reached a logger");
        assertFalse(logged.contains("hubpass"), "the registry password reached a logger");
        assertFalse(logged.toLowerCase(java.util.Locale.ROOT).contains("x-registry-auth"),
                "the auth header reached a logger");
        String base64 = java.util.Base64.getEncoder().encodeToString(secret.getBytes());
        assertFalse(logged.contains(base64.substring(0, 16)), "the secret reached a logger base64-encoded");
    }
}
