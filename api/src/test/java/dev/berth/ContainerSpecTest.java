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
        assertEquals("hunter2", spec.env().get("MYSQL_ROOT_PASSWORD"));
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
        assertEquals(512L << 20, ContainerSpec.of("nginx").memory("512m").memoryBytes());
        assertEquals(1L << 30, ContainerSpec.of("nginx").memory("1g").memoryBytes());
        assertEquals(1_500_000_000L, ContainerSpec.of("nginx").cpus(1.5).nanoCpus());
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
    @Test
    void fingerprintIsStableAndChangesWithEveryFieldIncludingSecretValues() {
        ContainerSpec base = ContainerSpec.of("postgres:15").env("PW", Secret.of("one")).publish(5432);
        assertEquals(base.fingerprint(), ContainerSpec.of("postgres:15").env("PW", Secret.of("one")).publish(5432)
                .fingerprint());
        assertEquals(64, base.fingerprint().length());
        java.util.List<ContainerSpec> variants = java.util.List.of(base,
                base.env("PW", Secret.of("two")), base.env("PW", "one"), base.name("n1"), base.command("x"),
                base.entrypoint("y"), base.workdir("/w"), base.user("1"), base.hostname("h"), base.label("a", "b"),
                base.publish(6379), base.tmpfs("/t"), base.restart(RestartPolicy.ALWAYS), base.memory("64m"),
                base.cpus(0.5), base.pidsLimit(10), base.readOnlyRootfs(), base.capAdd("NET_ADMIN"),
                base.capDrop("ALL"), base.healthCheck(HealthCheck.cmd("true")), base.network("n"),
                base.network("n", "alias"), base.extraHost("h", "1.2.3.4"), base.autoRemove(), base.interactive(),
                base.stdinOpen(), base.stopSignal("SIGINT"), base.stopTimeout(Duration.ofSeconds(3)),
                base.pull(PullPolicy.ALWAYS), base.waitFor(Wait.port(5432)), ContainerSpec.of("postgres:16"));
        assertEquals(variants.size(), variants.stream().map(ContainerSpec::fingerprint).distinct().count());
        assertFalse(base.fingerprint().contains("one"));
    }

    @Test
    void fingerprintCoversEveryFieldOfTheSpec() throws Exception {
        int fields = Class.forName("dev.berth.ContainerSpec$Fields").getDeclaredFields().length;
        assertEquals(fields, ContainerSpec.FINGERPRINTED_FIELDS,
                "a field was added to ContainerSpec: add it to fingerprint() and to FINGERPRINTED_FIELDS");
    }
}
