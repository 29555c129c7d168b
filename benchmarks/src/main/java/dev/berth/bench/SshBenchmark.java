package dev.berth.bench;

import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.Docker;
import dev.berth.DockerSettings;
import dev.berth.ExecSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code run} + {@code close} of a busybox container: Berth over ssh:// (an sshd on 127.0.0.1 made here, the
 * remote side running {@code docker system dial-stdio}), Berth over the unix socket, and the docker CLI with
 * {@code DOCKER_HOST=ssh://…} ({@code docker run -d} + {@code docker rm -f -v}) in the same run. Besides: the cost
 * of a new connection (exec opens one per call) with and without Berth's ssh master, and of connecting.
 */
final class SshBenchmark {
    static final String IMAGE = "busybox:1.36";
    static final int RUNS = 15;

    private SshBenchmark() {
    }

    static Harness.Result run() throws Exception {
        try (BenchSshd sshd = BenchSshd.start();
             Docker overSsh = Docker.connect(settings(sshd));
             Docker overSshNoMux = Docker.connect(settings(sshd).sshOptions("-F", sshd.clientConfig.toString(),
                     "-o", "ControlMaster=no", "-o", "ControlPath=none"));
             Docker local = Docker.connect()) {
            ContainerSpec spec = ContainerSpec.of(IMAGE).command("sleep", "300");
            Peer berthSsh = Peer.of("berth-ssh", () -> overSsh.containers().run(spec).close());
            Peer berthUnix = Peer.of("berth-unix", () -> local.containers().run(spec).close());
            Peer cliSsh = Peer.of("docker-cli-ssh", () -> {
                String id = cli(sshd, "run", "-d", IMAGE, "sleep", "300");
                cli(sshd, "rm", "-f", "-v", id);
            });
            var samples = Harness.measure(List.of(berthSsh, berthUnix, cliSsh), 3, RUNS);

            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("berth_requests_run_close", Harness.requestsForRunAndClose(overSsh, spec));
            try (Container c = overSsh.containers().run(spec)) {
                ExecSpec exec = ExecSpec.of("cat").stdin("x");
                Peer execMux = Peer.of("exec-mux", () -> c.exec(exec));
                Peer execNoMux = Peer.of("exec-no-mux", () -> overSshNoMux.containers().get(c.id()).exec(exec));
                var execs = Harness.measure(List.of(execMux, execNoMux), 2, RUNS);
                extra.put("exec_stdin_ms_ssh_master", round(Harness.median(execs.get("exec-mux"))));
                extra.put("exec_stdin_ms_ssh_no_master", round(Harness.median(execs.get("exec-no-mux"))));
            }
            Peer connectMux = Peer.of("connect-mux", () -> {
                try (Docker d = Docker.connect(settings(sshd))) {
                    d.ping();
                }
            });
            Peer connectNoMux = Peer.of("connect-no-mux", () -> {
                try (Docker d = Docker.connect(settings(sshd).sshOptions("-F", sshd.clientConfig.toString(),
                        "-o", "ControlMaster=no", "-o", "ControlPath=none"))) {
                    d.ping();
                }
            });
            var connects = Harness.measure(List.of(connectMux, connectNoMux), 1, 7);
            extra.put("connect_ping_close_ms_ssh_master", round(Harness.median(connects.get("connect-mux"))));
            extra.put("connect_ping_close_ms_ssh_no_master", round(Harness.median(connects.get("connect-no-mux"))));
            extra.put("goal", "berth-ssh <= 1.0x docker-cli-ssh");
            return Harness.result("ssh", RUNS, samples, extra, "docker-cli-ssh");
        }
    }

    private static DockerSettings settings(BenchSshd sshd) {
        return DockerSettings.defaults().host(sshd.url()).sshOptions("-F", sshd.clientConfig.toString());
    }

    private static double round(double millis) {
        return Math.round(millis * 10) / 10.0;
    }

    /** The docker CLI over ssh://; its ssh (from PATH) is the wrapper that adds the test's ssh config. */
    private static String cli(BenchSshd sshd, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DOCKER_HOST", sshd.url());
        builder.environment().put("PATH", sshd.wrapperDir + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("docker " + String.join(" ", args) + " over ssh failed: " + err);
        }
        return out.strip();
    }
}
