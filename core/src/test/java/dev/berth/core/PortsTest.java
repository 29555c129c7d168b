package dev.berth.core;

import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.PortBinding;
import dev.berth.Protocol;
import dev.berth.Wait;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortsTest extends EngineTest {
    private static String get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * The seed: docker run -d -p 8080:80 nginx, then http://localhost:8080 says "Welcome to nginx!". A free port
     * stands in for 8080 so test runs side by side on one engine never collide.
     */
    @Test
    void seedNginxOnAFixedHostPort() throws Exception {
        int fixed = TestPorts.free();
        try (Container web = docker.containers().run(ContainerSpec.of(TestImages.NGINX).publish(fixed, 80)
                .waitFor(Wait.http(80, "/")))) {
            assertEquals(fixed, web.hostPort(80));
            assertTrue(get("http://localhost:" + fixed).contains("Welcome to nginx!"));
            var port = web.inspect().ports().get(0);
            assertEquals("127.0.0.1", port.hostIp(), "published on loopback by default");
            assertEquals(fixed, port.hostPort());
        }
    }

    @Test
    void randomHostPortIsReadBack() throws Exception {
        try (Container web = docker.containers().run(ContainerSpec.of(TestImages.NGINX).publish(80)
                .waitFor(Wait.http(80, "/").forBodyContaining("Welcome to nginx!")))) {
            int port = web.hostPort(80);
            assertTrue(port > 0 && port != 80);
            assertTrue(get("http://127.0.0.1:" + port + "/").contains("Welcome to nginx!"));
        }
    }

    @Test
    void allInterfacesOnlyWhenAsked() {
        try (Container web = docker.containers().run(ContainerSpec.of(TestImages.NGINX)
                .publish(PortBinding.tcp(80).onAllInterfaces()))) {
            assertEquals("0.0.0.0", web.inspect().ports().get(0).hostIp());
        }
    }

    @Test
    void udpPortIsPublished() throws Exception {
        String server = "import socket\n"
                + "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
                + "s.bind(('', 9999))\n"
                + "print('listening', flush=True)\n"
                + "data, _ = s.recvfrom(100)\n"
                + "open('/got', 'wb').write(data)\n"
                + "import time; time.sleep(300)\n";
        try (Container echo = docker.containers().run(ContainerSpec.of(TestImages.PYTHON)
                .command("python3", "-c", server)
                .publish(PortBinding.udp(9999)).waitFor(Wait.log("listening")))) {
            int port = echo.hostPort(9999, Protocol.UDP);
            byte[] data = "ping\n".getBytes();
            long end = System.nanoTime() + 10_000_000_000L;
            try (DatagramSocket socket = new DatagramSocket()) {
                do {
                    socket.send(new DatagramPacket(data, data.length, InetAddress.getLoopbackAddress(), port));
                    Thread.sleep(100);
                } while (!echo.exec("cat", "/got").stdout().contains("ping") && System.nanoTime() < end);
            }
            assertTrue(echo.exec("cat", "/got").stdout().contains("ping"));
        }
    }
}
