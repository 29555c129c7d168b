package dev.berth.core;

import dev.berth.BuildContext;
import dev.berth.BuildSpec;
import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.Docker;
import dev.berth.DockerSettings;
import dev.berth.Dockerfile;
import dev.berth.EngineUnavailableException;
import dev.berth.ExecSpec;
import dev.berth.Image;
import dev.berth.LogFollow;
import dev.berth.LogOptions;
import dev.berth.Wait;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ssh:// end to end, the way the docker CLI does it: a real sshd on 127.0.0.1 (made here, with keys made here), and
 * Berth driving the test engine through {@code ssh root@127.0.0.1 docker system dial-stdio}: a published nginx with
 * an http wait, exec whose stdin ends, logs follow, a build, and the errors a user meets (no ssh, refused, login
 * refused, unknown host key, no docker on the remote).
 */
@org.junit.jupiter.api.extension.ExtendWith({SharedEngineLock.class, VolumeLeakWatch.class})
class SshEngineTest {
    private static LocalSshd sshd;
    private static Docker docker;

    @BeforeAll
    static void startSshdAndConnect() throws Exception {
        sshd = LocalSshd.start();
        docker = Docker.connect(overSsh());
    }

    @AfterAll
    static void disconnectAndStopSshd() throws Exception {
        try {
            if (docker != null) {
                docker.close();
            }
        } finally {
            if (sshd != null) {
                sshd.close();
            }
        }
    }

    /** The client side: the address plus an ssh config with the test's key and known_hosts (nothing in ~/.ssh). */
    private static DockerSettings overSsh() {
        return DockerSettings.defaults().host(sshd.url()).sshOptions("-F", sshd.clientConfig.toString());
    }

    @Test
    void theEndpointIsTheSshAddressAndTheEngineAnswers() {
        assertEquals(sshd.url(), docker.endpoint().host());
        assertEquals("settings", docker.endpoint().source());
        assertTrue(docker.endpoint().toString().startsWith(sshd.url() + " via settings, API "),
                docker.endpoint().toString());
        // the remote docker CLI reaches the same engine as the other tests (also when DOCKER_HOST names another)
        try (Docker local = Docker.connect()) {
            assertEquals(local.version().engineVersion(), docker.version().engineVersion());
            assertEquals(local.info().dockerRootDir(), docker.info().dockerRootDir());
        }
    }

    @Test
    void runsNginxWithAPublishedPortAndAnHttpWait() throws Exception {
        try (Container web = docker.containers().run(ContainerSpec.of(TestImages.NGINX).publish(80)
                .waitFor(Wait.http(80, "/")))) {
            // published ports of an ssh engine are on the ssh host: here 127.0.0.1
            assertEquals("127.0.0.1", web.host());
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://" + web.host() + ":" + web.hostPort(80) + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("nginx"), page.body());
            assertTrue(web.exec("nginx", "-v").stderr().contains("nginx/"));
        }
    }

    @Test
    void execWithStdinSeesTheEndOfInput() {
        try (Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX).command("sleep", "300"))) {
            // wc -c ends only when stdin ends: the half-close must cross the forwarder, ssh and dial-stdio
            var result = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> c.exec(ExecSpec.of("sh", "-c", "echo started; wc -c").stdin("twelve bytes")));
            assertEquals("started\n12", result.stdout().strip());
            assertEquals(0, result.exitCode());
        }
    }

    @Test
    void attachPipesStdinThroughAndEndsWithTheProcess() {
        try (Container c = docker.containers().create(ContainerSpec.of(TestImages.BUSYBOX)
                .command("sh", "-c", "cat; echo bye >&2; exit 4").stdinOpen())) {
            var out = new java.io.ByteArrayOutputStream();
            int exit = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> c.attach(
                    new java.io.ByteArrayInputStream("piped\n".getBytes(StandardCharsets.UTF_8)), out));
            assertEquals(4, exit);
            // stdout and stderr travel separately inside the engine: their relative order is not guaranteed
            assertEquals(List.of("bye", "piped"), out.toString(StandardCharsets.UTF_8).lines().sorted().toList());
        }
    }

    @Test
    void logsFollowDeliversLinesAsTheyComeAndEnds() {
        try (Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX)
                .command("sh", "-c", "for i in 1 2 3 4 5; do echo tick$i; sleep 0.1; done; printf last"))) {
            List<String> seen = new CopyOnWriteArrayList<>();
            try (LogFollow follow = c.logs().follow(LogOptions.all(), line -> seen.add(line.text()))) {
                follow.awaitEnd(Duration.ofSeconds(20));
            }
            assertEquals(List.of("tick1", "tick2", "tick3", "tick4", "tick5", "last"), seen);
        }
    }

    @Test
    void moreStreamsAtOnceThanSshdAllowsSessionsPerConnection() throws Exception {
        // sshd allows 10 sessions per connection (MaxSessions): 12 follows at once must not be refused
        try (Container c = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX)
                .command("sh", "-c", "i=0; while true; do i=$((i+1)); echo tick$i; sleep 0.05; done"))) {
            List<List<String>> seen = new java.util.ArrayList<>();
            List<LogFollow> follows = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 12; i++) {
                    List<String> lines = new CopyOnWriteArrayList<>();
                    seen.add(lines);
                    follows.add(c.logs().follow(LogOptions.all(), line -> lines.add(line.text())));
                }
                long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (seen.stream().anyMatch(l -> l.size() < 3) && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
                for (List<String> lines : seen) {
                    assertTrue(lines.size() >= 3 && lines.get(0).equals("tick1"), lines.toString());
                }
            } finally {
                follows.forEach(LogFollow::close);
            }
        }
    }

    @Test
    void buildsAnImageAndRunsIt() {
        String tag = "berth-ssh-test-" + UUID.randomUUID().toString().substring(0, 8) + ":1";
        Dockerfile dockerfile = Dockerfile.from(TestImages.BUSYBOX).copy("greeting.txt", "/greeting.txt")
                .run("cat /greeting.txt > /copied.txt").cmd("cat", "/copied.txt");
        try (Image image = docker.images().build(BuildSpec.of(dockerfile,
                BuildContext.empty().file("greeting.txt", "hello over ssh\n")).tag(tag));
             Container c = docker.containers().run(ContainerSpec.of(tag).waitFor(Wait.exited()))) {
            assertEquals("hello over ssh", c.logs().all().stdout().strip());
        }
    }

    @Test
    void dockerHostFromTheEnvironmentWorksToo() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("DOCKER_HOST", sshd.url());
        try (Docker viaEnv = Docker.connect(DockerSettings.defaults().environment(env)
                .sshOptions("-F", sshd.clientConfig.toString()))) {
            assertEquals("DOCKER_HOST", viaEnv.endpoint().source());
            assertEquals(docker.info().dockerRootDir(), viaEnv.info().dockerRootDir());
            assertEquals(docker.version().engineVersion(), viaEnv.version().engineVersion());
        }
    }

    @Test
    void aDockerContextWithAnSshEndpointWorksToo() throws Exception {
        Path config = Files.createDirectories(sshd.dir.resolve("docker-config"));
        String name = "berth-ssh-test";
        Path meta = Files.createDirectories(config.resolve("contexts/meta").resolve(sha256(name)));
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Endpoints\":{\"docker\":"
                + "{\"Host\":\"" + sshd.url() + "\",\"SkipTLSVerify\":false}}}");
        Files.writeString(config.resolve("config.json"), "{\"currentContext\":\"" + name + "\"}");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("DOCKER_HOST"); // it would win over the context
        env.remove("DOCKER_CONTEXT");
        env.put("DOCKER_CONFIG", config.toString());
        try (Docker viaContext = Docker.connect(DockerSettings.defaults().environment(env)
                .sshOptions("-F", sshd.clientConfig.toString()))) {
            assertEquals("context " + name, viaContext.endpoint().source());
            assertEquals(sshd.url(), viaContext.endpoint().host());
            assertEquals(docker.info().dockerRootDir(), viaContext.info().dockerRootDir());
        }
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void closeRemovesTheForwarderFolderAndEndsTheSshProcesses() throws Exception {
        Set<Path> before = forwarderFolders();
        Path folder;
        try (Docker second = Docker.connect(overSsh())) {
            second.containers().list();
            Set<Path> created = forwarderFolders();
            created.removeAll(before);
            assertEquals(1, created.size(), created.toString());
            folder = created.iterator().next();
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
            assertTrue(Files.exists(folder.resolve("docker.sock")));
            assertTrue(Files.exists(folder.resolve("mux")), "the ssh master's control socket");
        }
        assertFalse(Files.exists(folder), folder + " left behind");
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!sshProcessesUsing(folder).isEmpty() && System.nanoTime() < end) {
            Thread.sleep(50); // the master leaves on `ssh -O exit`, a moment after it was asked
        }
        assertEquals(List.of(), sshProcessesUsing(folder));
    }

    @Test
    void noSshOnPathIsAClearError() {
        var e = assertThrows(EngineUnavailableException.class, () -> Docker.connect(overSsh()
                .environment(Map.of("PATH", "/nowhere"))));
        assertTrue(e.getMessage().contains("needs the OpenSSH client `ssh`"), e.getMessage());
        assertTrue(e.getMessage().contains("install it"), e.getMessage());
    }

    @Test
    void aRefusedConnectionShowsSshsReason() throws Exception {
        int closed = LocalSshd.freePort();
        var e = assertThrows(EngineUnavailableException.class, () -> Docker.connect(DockerSettings.defaults()
                .host("ssh://root@127.0.0.1:" + closed).sshOptions("-F", sshd.clientConfig.toString())));
        assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
        assertTrue(e.getMessage().contains("exited with 255"), e.getMessage());
        assertTrue(e.getMessage().contains("sshd runs"), e.getMessage());
    }

    @Test
    void aKeyTheServerDoesNotAcceptIsALoginError() {
        var e = assertThrows(EngineUnavailableException.class, () -> Docker.connect(DockerSettings.defaults()
                .host(sshd.url()).sshOptions("-i", sshd.strangerKey.toString(), "-o", "IdentitiesOnly=yes",
                        "-o", "UserKnownHostsFile=" + sshd.knownHosts, "-F", "/dev/null")));
        assertTrue(e.getMessage().contains("Permission denied"), e.getMessage());
        assertTrue(e.getMessage().contains("ssh-agent"), e.getMessage());
    }

    @Test
    void anUnknownHostKeyIsRefusedNotAccepted() {
        var e = assertThrows(EngineUnavailableException.class, () -> Docker.connect(DockerSettings.defaults()
                .host(sshd.url()).sshOptions("-i", sshd.clientKey.toString(), "-o", "IdentitiesOnly=yes",
                        "-o", "UserKnownHostsFile=/dev/null", "-o", "GlobalKnownHostsFile=/dev/null",
                        "-F", "/dev/null")));
        assertTrue(e.getMessage().contains("Host key verification failed"), e.getMessage());
        assertTrue(e.getMessage().contains("never turns host key checking off"), e.getMessage());
    }

    @Test
    void aRemoteWithoutDockerSaysSo() {
        var e = assertThrows(EngineUnavailableException.class, () -> Docker.connect(overSsh()
                .host("ssh://root@127.0.0.1:" + sshd.noDockerPort)));
        assertTrue(e.getMessage().contains("exited with 127"), e.getMessage());
        assertTrue(e.getMessage().contains("docker: not found"), e.getMessage());
        assertTrue(e.getMessage().contains("no `docker` command"), e.getMessage());
    }

    @Test
    void aPasswordInTheAddressIsRejectedBeforeSshRuns() {
        var e = assertThrows(EngineUnavailableException.class, () -> Docker.connect(DockerSettings.defaults()
                .host("ssh://root:secret@127.0.0.1:" + sshd.port)));
        assertTrue(e.getMessage().contains("contains a password"), e.getMessage());
    }

    /**
     * The forwarder folders of this JVM's connections, read from the ssh processes it started (their ControlPath),
     * so that a copy of this suite running beside it does not count.
     */
    private static Set<Path> forwarderFolders() {
        return ProcessHandle.current().descendants().map(p -> p.info().commandLine().orElse(""))
                .flatMap(line -> Stream.of(line.split(" ")))
                .filter(arg -> arg.startsWith("ControlPath=") && arg.contains("berth-ssh-"))
                .map(arg -> Path.of(arg.substring("ControlPath=".length())).getParent())
                .collect(Collectors.toCollection(java.util.HashSet::new));
    }

    private static List<String> sshProcessesUsing(Path folder) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(folder.toString()))
                .filter(ProcessHandle::isAlive).map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
    }
}
