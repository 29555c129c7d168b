package dev.berth.core;

import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.Filter;
import dev.berth.NameConflictException;
import dev.berth.Network;
import dev.berth.NetworkNotFoundException;
import dev.berth.NetworkSpec;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworksTest extends EngineTest {
    private static String unique() {
        return "berth-net-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ContainerSpec sleeper() {
        return ContainerSpec.of(TestImages.BUSYBOX).command("sleep", "300");
    }

    @Test
    void subnetGatewayLabelsAndMembers() {
        String tag = UUID.randomUUID().toString();
        try (Network net = docker.networks().create(NetworkSpec.named(unique()).subnet("10.231.0.0/24")
                .gateway("10.231.0.1").label("berth.test", tag));
             Container c = docker.containers().run(sleeper().network(net))) {
            var info = net.inspect();
            assertEquals(java.util.List.of("10.231.0.0/24"), info.subnets());
            assertEquals(java.util.List.of("10.231.0.1"), info.gateways());
            assertEquals(tag, info.labels().get("berth.test"));
            assertEquals(1, info.containers().size());
            assertTrue(info.containers().get(0).ipv4Address().startsWith("10.231.0."), info.toString());
            assertEquals(c.inspect().ipAddress(net.name()), info.containers().get(0).ipv4Address());
            assertEquals(1, docker.networks().list(Filter.none().label("berth.test", tag)).size());
        }
    }

    @Test
    void connectWithAliasAndDisconnect() {
        try (Network net = docker.networks().create(unique());
             Container server = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX)
                     .command("sh", "-c", "mkdir -p /w && echo via-alias > /w/index.html && httpd -f -p 80 -h /w"));
             Container client = docker.containers().run(sleeper().network(net))) {
            net.connect(server, "svc");
            assertEquals("via-alias", fetch(client, "http://svc/").strip());
            net.disconnect(server);
            assertNotEquals(0, client.exec("wget", "-qO-", "http://svc/").exitCode());
            assertEquals(1, net.inspect().containers().size());
        }
    }

    @Test
    void internalNetworkHasNoWayOut() {
        try (Network net = docker.networks().create(NetworkSpec.named(unique()).internal())) {
            assertTrue(net.inspect().internal());
        }
    }

    @Test
    void ipv6Option() {
        try (Network net = docker.networks().create(NetworkSpec.named(unique()).ipv6("fd00:b17e::/64"))) {
            var info = net.inspect();
            assertTrue(info.ipv6(), info.toString());
            assertTrue(info.subnets().contains("fd00:b17e::/64"), info.toString());
        }
    }

    @Test
    void nameConflictAndUnknownNetworkAreTyped() {
        String name = unique();
        try (Network net = docker.networks().create(name)) {
            var e = assertThrows(NameConflictException.class, () -> docker.networks().create(name));
            assertTrue(e.getMessage().contains(name), e.getMessage());
            assertEquals(net.id(), docker.networks().get(name).id());
        }
        assertThrows(NetworkNotFoundException.class, () -> docker.networks().get(name));
        assertFalse(docker.networks().find(name).isPresent());
        var e = assertThrows(NetworkNotFoundException.class, () -> docker.containers().run(sleeper().network(name)));
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @Test
    void removeInUseIsAConflictAndPruneSparesUsedNetworks() {
        String tag = UUID.randomUUID().toString();
        try (Network used = docker.networks().create(NetworkSpec.named(unique()).label("berth.test", tag));
             Network unused = docker.networks().create(NetworkSpec.named(unique()).label("berth.test", tag));
             Container c = docker.containers().run(sleeper().network(used))) {
            var e = assertThrows(dev.berth.ConflictException.class, used::remove);
            assertTrue(e.getMessage().contains("Disconnect"), e.getMessage());
            var report = docker.networks().prune(Filter.none().label("berth.test", tag));
            assertEquals(java.util.List.of(unused.name()), report.networks());
        }
    }

    private static String fetch(Container client, String url) {
        String body = "";
        long end = System.nanoTime() + 10_000_000_000L;
        while (body.isEmpty() && System.nanoTime() < end) {
            body = client.exec("wget", "-qO-", url).stdout();
        }
        return body;
    }
}
