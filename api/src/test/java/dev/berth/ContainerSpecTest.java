package dev.berth;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerSpecTest {
    @Test
    void everyCallReturnsANewSpecAndLeavesTheOldOneAlone() {
        ContainerSpec base = ContainerSpec.of("nginx").env("A", "1");
        ContainerSpec more = base.env("B", "2").publish(8080, 80);
        assertNotSame(base, more);
        assertEquals(1, base.env().size());
        assertEquals(0, base.ports().size());
        assertEquals(2, more.env().size());
        assertThrows(UnsupportedOperationException.class, () -> more.env().put("C", "3"));
    }

    @Test
    void toStringMasksSecrets() {
        ContainerSpec spec = ContainerSpec.of("mysql").env("MYSQL_ROOT_PASSWORD", Secret.of("hunter2")).env("X", "y");
        assertFalse(spec.toString().contains("hunter2"), spec.toString());
        assertTrue(spec.toString().contains("MYSQL_ROOT_PASSWORD=****"), spec.toString());
        assertTrue(spec.toString().contains("X=y"));
        assertEquals("****", spec.env().get("MYSQL_ROOT_PASSWORD"), "env() is safe to print");
        assertEquals("hunter2", spec.environmentRevealed().get("MYSQL_ROOT_PASSWORD"));
        assertFalse(spec.execution().toString().contains("hunter2"), spec.execution().toString());
        assertEquals("****", Secret.of("x").toString());
    }

    @Test
    void portsBindLoopbackUnlessAskedOtherwise() {
        ContainerSpec spec = ContainerSpec.of("nginx").publish(8080, 80).publish(443)
                .publish(PortBinding.udp(53).toHostPort(5353).onAllInterfaces());
        assertEquals("127.0.0.1", spec.ports().get(0).hostIp());
        assertEquals(8080, spec.ports().get(0).hostPort());
        assertTrue(spec.ports().get(1).randomHostPort());
        assertEquals("127.0.0.1", spec.ports().get(1).hostIp());
        assertEquals("0.0.0.0", spec.ports().get(2).hostIp());
        assertEquals(Protocol.UDP, spec.ports().get(2).protocol());
    }

    @Test
    void invalidPortsNameTheRuleAndTheFix() {
        var zero = assertThrows(InvalidSpecException.class, () -> ContainerSpec.of("nginx").publish(0, 80));
        assertTrue(zero.getMessage().contains("publish(80)"), zero.getMessage());
        var high = assertThrows(InvalidSpecException.class, () -> ContainerSpec.of("nginx").publish(70000, 80));
        assertEquals("70000", high.value());
        assertTrue(high.rule().contains("1 and 65535"));
        assertThrows(InvalidSpecException.class, () -> ContainerSpec.of("nginx").publish(0));
        assertThrows(InvalidSpecException.class, () -> ContainerSpec.of("nginx").publish(8080, 70000));
    }

    @Test
    void memoryAndCpuValuesAreChecked() {
        assertEquals(512L << 20, ContainerSpec.of("nginx").memory("512m").resources().memoryBytes());
        assertEquals(1L << 30, ContainerSpec.of("nginx").memory("1g").resources().memoryBytes());
        assertEquals(1_500_000_000L, ContainerSpec.of("nginx").cpus(1.5).resources().nanoCpus());
        var unit = assertThrows(InvalidSpecException.class, () -> ContainerSpec.of("nginx").memory("12XB"));
        assertTrue(unit.getMessage().contains("\"512m\""), unit.getMessage());
        var small = assertThrows(InvalidSpecException.class, () -> ContainerSpec.of("nginx").memory("1k"));
        assertTrue(small.rule().contains("6 MiB"));
        assertThrows(InvalidSpecException.class, () -> ContainerSpec.of("nginx").cpus(0));
        assertThrows(InvalidSpecException.class, () -> ContainerSpec.of("nginx").cpus(-1));
        assertThrows(InvalidSpecException.class, () -> ContainerSpec.of("nginx").cpus(Double.NaN));
        assertThrows(InvalidSpecException.class, () -> ContainerSpec.of("nginx").pidsLimit(0));
    }

    @Test
    void invalidImageIsRejectedBeforeAnySpecExists() {
        assertThrows(InvalidImageReferenceException.class, () -> ContainerSpec.of("Not/Valid"));
    }

    @Test
    void otherRules() {
        assertThrows(InvalidSpecException.class, () -> ContainerSpec.of("nginx").name("-bad"));
        assertThrows(InvalidSpecException.class, () -> ContainerSpec.of("nginx").env("A=B", "c"));
        assertThrows(InvalidSpecException.class, () -> ContainerSpec.of("nginx").volume("data", "relative/path"));
        assertThrows(InvalidSpecException.class,
                () -> ContainerSpec.of("nginx").volume("a", "/data").tmpfs("/data"));
        assertThrows(InvalidSpecException.class, () -> Wait.log("x").times(0));
        assertEquals("web", ContainerSpec.of("nginx").name("/web").name());
    }

    @Test
    void readableToString() {
        String text = ContainerSpec.of("nginx:1.22").name("web").publish(8080, 80).memory("256m")
                .restart(RestartPolicy.onFailure(3)).stopTimeout(Duration.ofSeconds(2))
                .waitFor(Wait.http(80, "/")).toString();
        assertTrue(text.startsWith("ContainerSpec[nginx:1.22 name=web"), text);
        assertTrue(text.contains("127.0.0.1:8080->80/tcp"), text);
        assertTrue(text.contains("memory=256MiB"), text);
        assertTrue(text.contains("restart=on-failure:3"), text);
        assertTrue(text.contains("http :80/ status 2xx"), text);
    }

    @Test
    void filtersCombine() {
        ContainerFilter f = ContainerFilter.running().label("a", "1").label("b").name("web");
        assertEquals(java.util.List.of("a=1", "b"), f.filters().get("label"));
        assertFalse(f.includesStopped());
        assertTrue(ContainerFilter.running().status(ContainerStatus.EXITED).includesStopped());
    }

    /** One spec per setter: each differs from the base and from every other, so no field escapes equals. */
    static java.util.List<ContainerSpec> variants(ContainerSpec base) {
        return java.util.List.of(base,
                base.env("PW", Secret.of("two")), base.env("PW", "one"), base.name("n1"), base.command("x"),
                base.entrypoint("y"), base.workdir("/w"), base.user("1"), base.hostname("h"), base.label("a", "b"),
                base.publish(6379), base.tmpfs("/t"), base.restart(RestartPolicy.ALWAYS), base.memory("64m"),
                base.cpus(0.5), base.pidsLimit(10), base.readOnlyRootfs(), base.capAdd("NET_ADMIN"),
                base.capDrop("ALL"), base.healthCheck(HealthCheck.cmd("true")), base.network("n"),
                base.network("n", "alias"), base.extraHost("h", "1.2.3.4"), base.autoRemove(), base.interactive(),
                base.stdinOpen(), base.stopSignal("SIGINT"), base.stopTimeout(Duration.ofSeconds(3)),
                base.pull(PullPolicy.ALWAYS), base.waitFor(Wait.port(5432)), ContainerSpec.of("postgres:16"));
    }

    @Test
    void equalSpecsAreEqualAndEveryFieldCountsSecretsIncluded() {
        ContainerSpec base = ContainerSpec.of("postgres:15").env("PW", Secret.of("one")).publish(5432);
        ContainerSpec same = ContainerSpec.of("postgres:15").env("PW", Secret.of("one")).publish(5432);
        assertEquals(base, same);
        assertEquals(base.hashCode(), same.hashCode());
        var all = variants(base);
        assertEquals(all.size(), new java.util.HashSet<>(all).size(), "a setter's field is missing from equals");
        assertEquals(all.size(), all.stream().map(ContainerSpec::fingerprint).distinct().count());
        assertFalse(base.fingerprint().contains("one"));
        assertEquals(base.fingerprint(), same.fingerprint());
    }

    @Test
    void waitsWithPredicatesOrPatternsCompareByTheirRules() {
        ContainerSpec a = ContainerSpec.of("nginx").waitFor(Wait.http(80, "/").forStatus(204)).waitFor(Wait.log("up"));
        ContainerSpec b = ContainerSpec.of("nginx").waitFor(Wait.http(80, "/").forStatus(204)).waitFor(Wait.log("up"));
        assertEquals(a, b);
        assertFalse(a.equals(ContainerSpec.of("nginx").waitFor(Wait.http(80, "/")).waitFor(Wait.log("up"))));
    }

    /** Every component of every group is reachable through a setter: a new component must get one (and a test). */
    @Test
    void groupsKeepEveryFieldThroughLaterChanges() {
        ContainerSpec full = ContainerSpec.of("nginx").name("web").command("a").entrypoint("b").env("K", "v")
                .env("S", Secret.of("s")).workdir("/w").user("1").interactive().label("l", "v").publish(80)
                .tmpfs("/t").memory("64m").cpus(1).pidsLimit(5).readOnlyRootfs().capAdd("NET_ADMIN").capDrop("ALL")
                .shmSize("128m").ulimit("nofile", 1024, 2048).sysctl("net.core.somaxconn", "1024").init()
                .platform("linux/amd64").privileged().dns("1.1.1.1").dnsSearch("corp.internal").network("n", "al").hostname("h").extraHost("x", "1.2.3.4").restart(RestartPolicy.ALWAYS)
                .healthCheck(HealthCheck.cmd("true")).autoRemove().stopSignal("INT")
                .stopTimeout(Duration.ofSeconds(1)).pull(PullPolicy.NEVER).waitFor(Wait.port(80));
        for (var group : java.util.List.of(full.execution(), full.resources(), full.networking(), full.lifecycle())) {
            for (var component : group.getClass().getRecordComponents()) {
                Object value;
                try {
                    value = component.getAccessor().invoke(group);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
                boolean unset = value == null || Boolean.FALSE.equals(value)
                        || value instanceof java.util.Collection<?> c && c.isEmpty()
                        || value instanceof java.util.Map<?, ?> m && m.isEmpty()
                        || value instanceof Environment env && env.isEmpty()
                        || value == PullPolicy.IF_MISSING;
                assertFalse(unset, group.getClass().getSimpleName() + "." + component.getName()
                        + " is not set by the chain above: add its setter there");
            }
        }
        ContainerSpec later = full.label("x", "y");
        assertEquals(full.execution(), later.execution());
        assertEquals(full.resources(), later.resources());
        assertEquals(full.networking(), later.networking());
        assertEquals(full.lifecycle(), later.lifecycle());
        assertEquals(full.mounts(), later.mounts());
    }

    @Test
    void fingerprintHasOnePartPerFieldAndIgnoresOrderWhereEqualsDoes() throws Exception {
        int fields = 0;
        for (var f : ContainerSpec.class.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            boolean group = f.getType().getEnclosingClass() == ContainerSpec.class;
            fields += group ? f.getType().getRecordComponents().length : 1;
        }
        // +1: the environment is hashed as its values and as the set of secret names
        assertEquals(fields + 1, ContainerSpec.of("nginx").fingerprintParts().size(),
                "a field was added: add it to fingerprintParts()");
        ContainerSpec a = ContainerSpec.of("nginx").capAdd("A", "B").label("x", "1").label("y", "2").env("P", "1")
                .env("Q", Secret.of("2")).extraHost("h1", "1.1.1.1").extraHost("h2", "2.2.2.2");
        ContainerSpec b = ContainerSpec.of("nginx").capAdd("B", "A").label("y", "2").label("x", "1")
                .env("Q", Secret.of("2")).env("P", "1").extraHost("h2", "2.2.2.2").extraHost("h1", "1.1.1.1");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a.fingerprint(), b.fingerprint());
        assertFalse(a.fingerprint().equals(ContainerSpec.of("nginx").waitFor(Wait.port(80)).fingerprint()));
        assertFalse(ContainerSpec.of("nginx").waitFor(Wait.port(80)).fingerprint()
                .equals(ContainerSpec.of("nginx").waitFor(Wait.port(80).timeout(Duration.ofSeconds(5))).fingerprint()));
    }

    @Test
    void newRuntimeSettingsAreCheckedAndCompared() {
        ContainerSpec base = ContainerSpec.of("nginx");
        assertThrows(InvalidSpecException.class, () -> base.shmSize("lots"));
        assertThrows(InvalidSpecException.class, () -> base.shmSizeBytes(0));
        assertThrows(InvalidSpecException.class, () -> base.ulimit("files", 1, 2));
        assertThrows(InvalidSpecException.class, () -> base.ulimit("nofile", 3, 2));
        assertThrows(InvalidSpecException.class, () -> base.sysctl("somaxconn", "1"));
        assertThrows(InvalidSpecException.class, () -> base.platform("amd64"));
        assertThrows(InvalidSpecException.class, () -> base.dns("resolver"));
        assertThrows(InvalidSpecException.class, () -> base.dnsSearch("bad domain"));
        assertFalse(base.privileged().fingerprint().equals(base.fingerprint()));
        assertEquals(base.ulimit("nofile", 1, 2).ulimit("nproc", 3, 4), base.ulimit("nofile", 1, 2).ulimit("nproc", 3, 4));
        assertEquals(base.ulimit("nofile", 1, 2).ulimit("nproc", 3, 4).fingerprint(),
                base.ulimit("nproc", 3, 4).ulimit("nofile", 1, 2).fingerprint());
        assertFalse(base.init().equals(base));
        assertFalse(base.shmSize("1g").fingerprint().equals(base.shmSize("2g").fingerprint()));
        assertTrue(base.init().shmSize("1m").toString().contains("init"));
    }
}
