package dev.berth.reliability;

import dev.berth.ContainerSpec;
import dev.berth.Docker;
import dev.berth.DockerException;
import dev.berth.ExecSpec;
import dev.berth.Filter;
import dev.berth.HealthCheck;
import dev.berth.InvalidImageReferenceException;
import dev.berth.InvalidSpecException;
import dev.berth.Mount;
import dev.berth.NetworkSpec;
import dev.berth.PortBinding;
import dev.berth.Prune;
import dev.berth.RestartPolicy;
import dev.berth.Secret;
import dev.berth.Volume;
import dev.berth.VolumeSpec;
import dev.berth.Wait;
import dev.berth.core.TestImages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The catalogue of bad inputs a hostile or hurried user gives, each with the typed error Berth must answer with and
 * the words that message must contain (the rule and the value; InvalidSpecExceptions also carry "Fix:"). Each row
 * records how Berth behaved before these checks existed ({@link Before}), measured by running every row against the
 * code before this change (commit 69be6eb) on Docker 28.5: the issue counts them. Every row
 * is refused before any engine request; the rows that need the engine to be wrong live in {@code EngineBadInputsTest}.
 */
final class BadInputs {
    /** How the input was handled before it was in this catalogue. */
    enum Before {
        /** A typed error naming the problem. */
        GOOD,
        /** A bare NPE / PatternSyntaxException, a vague engine error after a request, or silently accepted. */
        POOR,
        /** Harm: a crashed engine, lost data, or a silently wrong container. */
        DEFECT,
        /** The call is new API (it replaced a boolean parameter): nothing to compare with. */
        NEW
    }

    /** One row: what is done with the connection, what must come back, and what was there before. */
    record Case(String input, Before before, Class<? extends DockerException> type, List<String> fragments,
            Consumer<Docker> action) {
        @Override
        public String toString() {
            return input;
        }
    }

    private static final ContainerSpec BUSYBOX = ContainerSpec.of(TestImages.BUSYBOX);
    private static final HealthCheck CHECK = HealthCheck.cmd("true");

    private BadInputs() {
    }

    static List<Case> all() {
        List<Case> c = new ArrayList<>();
        // ---- health checks: the engine is not safe against bad ones ----
        spec(c, "HealthCheck.cmd() (sends [\"CMD\"]: dockerd 20.10 panics)", Before.DEFECT,
                () -> HealthCheck.cmd(), "health check command", "HealthCheck.cmd(");
        spec(c, "new HealthCheck([\"CMD\"], …)", Before.DEFECT,
                () -> new HealthCheck(List.of("CMD"), Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ZERO),
                "health check", "[CMD]");
        spec(c, "HealthCheck.cmd((String[]) null)", Before.POOR, () -> HealthCheck.cmd((String[]) null),
                "health check command");
        spec(c, "HealthCheck.cmd(\"\")", Before.POOR, () -> HealthCheck.cmd(""), "health check command");
        spec(c, "HealthCheck.shell(\"\")", Before.POOR, () -> HealthCheck.shell(""), "health check shell command");
        spec(c, "HealthCheck.shell(null)", Before.POOR, () -> HealthCheck.shell(null), "health check shell command");
        spec(c, "health check interval 0", Before.POOR, () -> CHECK.interval(Duration.ZERO), "interval", "1 ms");
        spec(c, "health check interval 500 ns", Before.POOR, () -> CHECK.interval(Duration.ofNanos(500)),
                "interval", "1 ms");
        spec(c, "health check timeout -1 s", Before.POOR, () -> CHECK.timeout(Duration.ofSeconds(-1)), "timeout",
                "PT-1S");
        spec(c, "health check interval null", Before.POOR, () -> CHECK.interval(null), "interval");
        spec(c, "health check start period null", Before.POOR, () -> CHECK.startPeriod(null), "start period");
        spec(c, "health check retries -1", Before.GOOD, () -> CHECK.retries(-1), "retries", "-1");
        spec(c, "healthCheck(null)", Before.POOR, () -> BUSYBOX.healthCheck(null), "health check", "null");

        // ---- commands ----
        spec(c, "command((String[]) null)", Before.POOR, () -> BUSYBOX.command((String[]) null), "command");
        spec(c, "command((String) null)", Before.POOR, () -> BUSYBOX.command((String) null), "command");
        spec(c, "command() (was the getter: silently no change)", Before.POOR, () -> BUSYBOX.command(), "command",
                "at least one word");
        spec(c, "command(\"\")", Before.POOR, () -> BUSYBOX.command(""), "command", "must not be empty");
        spec(c, "command(\"  \")", Before.POOR, () -> BUSYBOX.command("  "), "command");
        spec(c, "command(\"sh\", null)", Before.POOR, () -> BUSYBOX.command("sh", null), "command", "null");
        spec(c, "entrypoint()", Before.POOR, () -> BUSYBOX.entrypoint(), "entrypoint");
        spec(c, "ExecSpec.of()", Before.GOOD, () -> ExecSpec.of(), "exec command");
        spec(c, "ExecSpec.of((String) null)", Before.POOR, () -> ExecSpec.of((String) null), "exec command");
        spec(c, "ExecSpec timeout 0", Before.POOR, () -> ExecSpec.of("ls").timeout(Duration.ZERO), "exec timeout");
        spec(c, "ExecSpec env key with '='", Before.POOR, () -> ExecSpec.of("ls").env("A=B", "c"), "A=B");
        spec(c, "OneOffSpec.of(null)", Before.NEW, () -> dev.berth.OneOffSpec.of(null), "service", "OneOffSpec.of(");
        spec(c, "OneOffSpec.of(\" \")", Before.NEW, () -> dev.berth.OneOffSpec.of(" "), "service");
        spec(c, "OneOffSpec command(\"sh\", null)", Before.NEW,
                () -> dev.berth.OneOffSpec.of("app").command("sh", null), "command", "null");
        engineCall(c, "stacks().run(spec, (OneOffSpec) null)", Before.NEW,
                d -> d.stacks().run(null, (dev.berth.OneOffSpec) null), "one-off", "OneOffSpec.of(");

        // ---- environment, labels, secrets ----
        spec(c, "env(k, (Secret) null)", Before.POOR, () -> BUSYBOX.env("PW", (Secret) null), "PW", "Secret.of");
        spec(c, "env(k, (String) null) (sent as \"K\": unsets it)", Before.POOR,
                () -> BUSYBOX.env("K", (String) null), "K", "\"\"");
        spec(c, "env(null, v)", Before.GOOD, () -> BUSYBOX.env(null, "v"), "environment variable name");
        spec(c, "env(\"A=B\", v)", Before.GOOD, () -> BUSYBOX.env("A=B", "v"), "A=B", "'='");
        spec(c, "env(\"\", v)", Before.GOOD, () -> BUSYBOX.env("", "v"), "environment variable name");
        spec(c, "env((Map) null)", Before.POOR, () -> BUSYBOX.env((Map<String, String>) null), "environment map");
        spec(c, "env(Map with a null value)", Before.POOR, () -> BUSYBOX.env(nullValueMap()), "K");
        spec(c, "Secret.of(null)", Before.POOR, () -> Secret.of(null), "secret");
        spec(c, "label(null, v)", Before.GOOD, () -> BUSYBOX.label(null, "v"), "label key");
        spec(c, "label(k, null)", Before.POOR, () -> BUSYBOX.label("k", null), "label k");
        spec(c, "label(\"a=b\", v)", Before.POOR, () -> BUSYBOX.label("a=b", "v"), "a=b");
        spec(c, "labels(null)", Before.POOR, () -> BUSYBOX.labels(null), "label map");
        spec(c, "Filter label(k, null) (was \"k=null\")", Before.POOR, () -> Filter.none().label("k", null),
                "label filter k");
        spec(c, "Prune.withLabel(null, v)", Before.GOOD, () -> Prune.everything().withLabel(null, "v"), "label key");

        // ---- nulls handed to the connection ----
        engineCall(c, "containers().run(null)", Before.POOR, d -> d.containers().run(null), "container spec");
        engineCall(c, "containers().create(null)", Before.POOR, d -> d.containers().create(null), "container spec");
        engineCall(c, "volumes().create((String) null) (made an anonymous volume)", Before.POOR,
                d -> d.volumes().create((String) null), "volume name");
        engineCall(c, "networks().get(null)", Before.POOR, d -> d.networks().get(null), "network");
        engineCall(c, "images().prune(null)", Before.NEW, d -> d.images().prune(null), "image prune");
        engineCall(c, "images().remove(null)", Before.NEW, d -> d.images().remove(null), "image reference");
        spec(c, "publish((PortBinding) null)", Before.POOR, () -> BUSYBOX.publish((PortBinding) null),
                "port binding");
        spec(c, "mount((Mount) null)", Before.POOR, () -> BUSYBOX.mount((Mount) null), "mount");
        spec(c, "mount((Volume) null, target)", Before.POOR, () -> BUSYBOX.mount((Volume) null, "/data"), "volume");
        spec(c, "waitFor(null)", Before.POOR, () -> BUSYBOX.waitFor(null), "wait");
        spec(c, "restart(null)", Before.POOR, () -> BUSYBOX.restart(null), "restart policy");
        spec(c, "pull(null)", Before.POOR, () -> BUSYBOX.pull(null), "pull policy");

        // ---- sizes and limits ----
        spec(c, "memory(\"99999999999t\") (overflowed to Long.MAX_VALUE)", Before.POOR,
                () -> BUSYBOX.memory("99999999999t"), "99999999999t", "1024t");
        spec(c, "memory(\"12XB\")", Before.GOOD, () -> BUSYBOX.memory("12XB"), "12XB", "\"512m\"");
        spec(c, "memory(\"1k\")", Before.GOOD, () -> BUSYBOX.memory("1k"), "6 MiB");
        spec(c, "memory(null)", Before.GOOD, () -> BUSYBOX.memory(null), "memory limit");
        spec(c, "memoryBytes(-1)", Before.GOOD, () -> BUSYBOX.memoryBytes(-1), "memory limit");
        spec(c, "cpus(NaN)", Before.GOOD, () -> BUSYBOX.cpus(Double.NaN), "cpus");
        spec(c, "cpus(0)", Before.GOOD, () -> BUSYBOX.cpus(0), "cpus");
        spec(c, "pidsLimit(0)", Before.GOOD, () -> BUSYBOX.pidsLimit(0), "pids limit");
        spec(c, "tmpfs size \"-1\"", Before.GOOD, () -> Mount.tmpfs("/t").size("-1"), "tmpfs size");
        spec(c, "tmpfs mode 010000", Before.POOR, () -> Mount.tmpfs("/t").mode(010000), "tmpfs mode");
        spec(c, "capAdd((String) null)", Before.POOR, () -> BUSYBOX.capAdd((String) null), "capabilit");
        spec(c, "capAdd(\"NET ADMIN\") (was refused at run, before any request)", Before.GOOD, () -> BUSYBOX.capAdd("NET ADMIN"), "NET ADMIN");
        engineCall(c, "run with capAdd(\"NOT_A_CAP\")", Before.GOOD,
                d -> d.containers().run(BUSYBOX.capAdd("NOT_A_CAP")), "NOT_A_CAP", "capabilit");

        // ---- names ----
        spec(c, "network(\"bad name!\")", Before.POOR, () -> BUSYBOX.network("bad name!"), "bad name!",
                "[a-zA-Z0-9][a-zA-Z0-9_.-]*");
        spec(c, "network(\"\")", Before.GOOD, () -> BUSYBOX.network(""), "network");
        spec(c, "network(\"container:\")", Before.POOR, () -> BUSYBOX.network("container:"), "container:");
        engineCall(c, "networks().create(\"bad name!\")", Before.POOR, d -> d.networks().create("bad name!"),
                "network name", "bad name!");
        engineCall(c, "networks().create(\"-dash\")", Before.POOR, d -> d.networks().create("-dash"), "-dash");
        spec(c, "network alias \"bad alias!\"", Before.POOR, () -> BUSYBOX.network("n", "bad alias!"),
                "bad alias!");
        spec(c, "hostname(\"bad host!\")", Before.POOR, () -> BUSYBOX.hostname("bad host!"), "bad host!");
        spec(c, "name(\"-bad\")", Before.GOOD, () -> BUSYBOX.name("-bad"), "-bad");
        spec(c, "name(\"a\") (one character)", Before.GOOD, () -> BUSYBOX.name("a"), "two characters");
        spec(c, "name(\"bad name\")", Before.GOOD, () -> BUSYBOX.name("bad name"), "bad name");
        spec(c, "volume(\"bad name!\", target)", Before.POOR, () -> BUSYBOX.volume("bad name!", "/data"),
                "volume name", "bad name!");
        engineCall(c, "volumes().create(\"bad/name\")", Before.GOOD, d -> d.volumes().create("bad/name"),
                "bad/name");
        spec(c, "VolumeSpec option value null", Before.POOR, () -> VolumeSpec.named("v1").option("o", null),
                "volume option o");
        spec(c, "NetworkSpec driver \"\"", Before.POOR, () -> NetworkSpec.named("n1").driver(""), "network driver");

        // ---- ports ----
        spec(c, "the same host port twice (was a misleading \"already in use\")", Before.POOR,
                () -> BUSYBOX.publish(18080, 80).publish(18080, 81), "18080", "once per spec");
        spec(c, "host port on 127.0.0.1 and on 0.0.0.0", Before.POOR,
                () -> BUSYBOX.publish(18080, 80).publish(PortBinding.tcp(81).toHostPort(18080).onAllInterfaces()),
                "18080");
        spec(c, "publish(0, 80)", Before.GOOD, () -> BUSYBOX.publish(0, 80), "publish(80)");
        spec(c, "publish(70000)", Before.GOOD, () -> BUSYBOX.publish(70000), "70000", "65535");
        spec(c, "publish(-1)", Before.GOOD, () -> BUSYBOX.publish(-1), "-1");
        spec(c, "onHostIp(\"localhost\")", Before.POOR, () -> PortBinding.tcp(80).onHostIp("localhost"),
                "localhost", "IPv4");
        spec(c, "onHostIp(\"\")", Before.GOOD, () -> PortBinding.tcp(80).onHostIp(""), "host IP");
        spec(c, "extraHost(h, \"999.1.1.1\")", Before.POOR, () -> BUSYBOX.extraHost("h", "999.1.1.1"),
                "999.1.1.1");
        spec(c, "extraHost(h, \"not-an-ip\")", Before.POOR, () -> BUSYBOX.extraHost("h", "not-an-ip"), "not-an-ip");

        // ---- restart policies ----
        spec(c, "RestartPolicy \"sometimes\" (a vague engine error)", Before.POOR,
                () -> new RestartPolicy("sometimes", 0), "sometimes", "on-failure");
        spec(c, "RestartPolicy always:3", Before.POOR, () -> new RestartPolicy("always", 3), "always:3",
                "onFailure(3)");
        spec(c, "RestartPolicy.onFailure(-1)", Before.GOOD, () -> RestartPolicy.onFailure(-1), "-1");

        // ---- waits ----
        spec(c, "Wait.log(\"[unclosed\") (PatternSyntaxException)", Before.POOR, () -> Wait.log("[unclosed"),
                "[unclosed", "Pattern.quote");
        spec(c, "Wait.log(null)", Before.POOR, () -> Wait.log(null), "log wait pattern");
        spec(c, "Wait.log(\"\") (matched every line)", Before.POOR, () -> Wait.log(""), "log wait pattern");
        spec(c, "Wait.port(0)", Before.POOR, () -> Wait.port(0), "wait port", "65535");
        spec(c, "Wait.port(70000)", Before.POOR, () -> Wait.port(70000), "70000");
        spec(c, "Wait timeout(-1 s)", Before.POOR, () -> Wait.port(80).timeout(Duration.ofSeconds(-1)),
                "wait timeout", "PT-1S");
        spec(c, "Wait timeout(null)", Before.POOR, () -> Wait.port(80).timeout(null), "wait timeout");
        spec(c, "Wait.healthy() timeout 0", Before.POOR, () -> Wait.healthy().timeout(Duration.ZERO),
                "wait timeout");
        spec(c, "Wait.http(80, \"health\") (relative path)", Before.POOR, () -> Wait.http(80, "health"),
                "http wait path");
        spec(c, "Wait.exec()", Before.GOOD, () -> Wait.exec(), "exec wait");
        spec(c, "Wait.allOf() (nothing to wait for)", Before.POOR, () -> Wait.allOf(), "combined wait");
        spec(c, "Wait.log(x).times(0)", Before.GOOD, () -> Wait.log("x").times(0), "times");

        // ---- images ----
        c.add(new Case("ContainerSpec.of(null)", Before.GOOD, InvalidImageReferenceException.class,
                List.of("image reference"), d -> ContainerSpec.of(null)));
        c.add(new Case("ContainerSpec.of(\"Not/Valid\")", Before.GOOD, InvalidImageReferenceException.class,
                List.of("Not/Valid", "lowercase"), d -> ContainerSpec.of("Not/Valid")));
        c.add(new Case("ContainerSpec.of(\"nginx:bad tag\")", Before.GOOD, InvalidImageReferenceException.class,
                List.of("nginx:bad tag"), d -> ContainerSpec.of("nginx:bad tag")));
        c.add(new Case("ContainerSpec.of(\"nginx@sha256:short\")", Before.GOOD,
                InvalidImageReferenceException.class, List.of("nginx@sha256:short"),
                d -> ContainerSpec.of("nginx@sha256:short")));

        // ---- paths, users, signals, timeouts ----
        spec(c, "volume(name, \"relative\")", Before.GOOD, () -> BUSYBOX.volume("data", "relative"), "mount target");
        spec(c, "two mounts on one target", Before.GOOD, () -> BUSYBOX.volume("a1", "/data").tmpfs("/data"),
                "/data");
        spec(c, "Mount.bind(null, target)", Before.GOOD, () -> Mount.bind(null, "/x"), "bind source");
        spec(c, "workdir(\"relative\")", Before.POOR, () -> BUSYBOX.workdir("relative"), "working directory");
        spec(c, "user(\"\")", Before.POOR, () -> BUSYBOX.user(""), "user");
        spec(c, "stopSignal(\"NOT A SIGNAL\")", Before.POOR, () -> BUSYBOX.stopSignal("NOT A SIGNAL"),
                "NOT A SIGNAL");
        spec(c, "stopTimeout(-1 s)", Before.POOR, () -> BUSYBOX.stopTimeout(Duration.ofSeconds(-1)), "stop timeout");
        return c;
    }

    private static Map<String, String> nullValueMap() {
        Map<String, String> m = new java.util.HashMap<>();
        m.put("K", null);
        return m;
    }

    private static void spec(List<Case> c, String input, Before before, Runnable action, String... fragments) {
        c.add(new Case(input, before, InvalidSpecException.class, List.of(fragments), d -> action.run()));
    }

    private static void engineCall(List<Case> c, String input, Before before, Consumer<Docker> action,
            String... fragments) {
        c.add(new Case(input, before, InvalidSpecException.class, List.of(fragments), action));
    }
}
