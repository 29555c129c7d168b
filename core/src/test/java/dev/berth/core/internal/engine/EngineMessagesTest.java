package dev.berth.core.internal.engine;

import dev.berth.core.internal.engine.EngineMessages.BridgeDeviceMissing;
import dev.berth.core.internal.engine.EngineMessages.CommandNotRunnable;
import dev.berth.core.internal.engine.EngineMessages.ContainerRunning;
import dev.berth.core.internal.engine.EngineMessages.InUse;
import dev.berth.core.internal.engine.EngineMessages.ManifestMissing;
import dev.berth.core.internal.engine.EngineMessages.NameInUse;
import dev.berth.core.internal.engine.EngineMessages.NetworkMissing;
import dev.berth.core.internal.engine.EngineMessages.PortInUse;
import dev.berth.core.internal.engine.EngineMessages.RegistryAuth;
import dev.berth.core.internal.engine.EngineMessages.RegistryUnreachable;
import dev.berth.core.internal.engine.EngineMessages.Unknown;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every error text below was captured from a real engine (2026-11-28: Docker 20.10.24 API 1.41 and Docker 28.5.2
 * API 1.51, same kernel, cgroup v2) with the docker CLI or curl on the socket. The translation must give each the
 * same meaning whatever the wording.
 */
class EngineMessagesTest {

    static Stream<Arguments> captured() {
        return Stream.of(
                // host port held by another process
                row("20.10", "driver failed programming external connectivity on endpoint cap-a (2be808225aaf): Error"
                        + " starting userland proxy: listen tcp4 127.0.0.1:45573: bind: address already in use",
                        new PortInUse(45573)),
                row("28.5", "failed to set up container networking: driver failed programming external connectivity on"
                        + " endpoint cap-a (9c6125afe710): failed to bind host port for"
                        + " 127.0.0.1:46439:172.17.0.2:80/tcp: address already in use", new PortInUse(46439)),
                row("28.5 IPv6", "failed to set up container networking: driver failed programming external"
                        + " connectivity on endpoint w (1f): failed to bind host port for [::1]:46440:[fd00::2]:80/tcp:"
                        + " address already in use", new PortInUse(46440)),
                row("20.10 all addresses", "driver failed programming external connectivity on endpoint cap-d"
                        + " (f7f87cf78803): Error starting userland proxy: listen tcp4 0.0.0.0:49965: bind: address"
                        + " already in use", new PortInUse(49965)),
                // host port allocated by another container
                row("20.10", "driver failed programming external connectivity on endpoint cap-c (8e195acb21f1): Bind"
                        + " for 127.0.0.1:49965 failed: port is already allocated", new PortInUse(49965)),
                row("28.5", "failed to set up container networking: driver failed programming external connectivity on"
                        + " endpoint cap-c (f7ca7c6911a3): Bind for 127.0.0.1:54831 failed: port is already allocated",
                        new PortInUse(54831)),
                // container name taken (same text on both)
                row("20.10/28.5", "Conflict. The container name \"/cap-b\" is already in use by container"
                        + " \"599c4d1487ebdbb954768d66a73a788d8f7118c0c1c984be73f28f9b5917e875\". You have to remove"
                        + " (or rename) that container to be able to reuse that name.",
                        new NameInUse("599c4d1487ebdbb954768d66a73a788d8f7118c0c1c984be73f28f9b5917e875")),
                // missing network at start (create succeeds on both)
                row("20.10", "network nosuchnet-xyz not found", new NetworkMissing("nosuchnet-xyz")),
                row("28.5 docker0 gone", "failed to set up container networking: failed to create endpoint"
                        + " magical_noyce on network bridge: adding interface veth3a4737d to bridge docker0 failed:"
                        + " Device does not exist", new BridgeDeviceMissing("docker0")),
                row("20.10 bridge gone", "failed to create endpoint great_shtern on network bthtest2: adding"
                        + " interface vethd6a1c5e to bridge bthtest2 failed: could not find bridge bthtest2: route"
                        + " ip+net: no such network interface", new BridgeDeviceMissing("bthtest2")),
                row("28.5", "failed to set up container networking: network nosuchnet-xyz not found",
                        new NetworkMissing("nosuchnet-xyz")),
                // command that does not exist in the image
                row("20.10", "failed to create shim task: OCI runtime create failed: runc create failed: unable to"
                        + " start container process: exec: \"nosuchcmd\": executable file not found in $PATH: unknown",
                        new CommandNotRunnable("nosuchcmd")),
                row("28.5", "failed to create task for container: failed to create shim task: OCI runtime create"
                        + " failed: runc create failed: unable to start container process: exec: \"nosuchcmd\":"
                        + " executable file not found in $PATH", new CommandNotRunnable("nosuchcmd")),
                // remove a running container without force
                row("20.10", "You cannot remove a running container 599c4d1487eb. Stop the container before attempting"
                        + " removal or force remove", new ContainerRunning()),
                row("28.5", "cannot remove container \"caa990e3dce8\": container is running: stop the container before"
                        + " removing or force remove", new ContainerRunning()),
                // network / volume still in use
                row("20.10", "error while removing network: network cap-net id 047ee3bf1da6 has active endpoints",
                        new InUse()),
                row("28.5", "error while removing network: network cap-net has active endpoints (name:\"cap-g\""
                        + " id:\"420cb86f4ecc\")", new InUse()),
                row("20.10/28.5", "remove cap-vol: volume is in use - [df076ae23967]", new InUse()),
                // pulls (same texts on both engines behind the offline mirror)
                row("20.10/28.5", "Head \"http://127.0.0.1:15001/v2/private/x/manifests/1\": no basic auth credentials",
                        new RegistryAuth()),
                row("Hub", "pull access denied for nosuchimage-xyz, repository does not exist or may require"
                        + " 'docker login': denied: requested access to the resource is denied", new ManifestMissing()),
                row("20.10/28.5", "manifest for 127.0.0.1:15000/library/busybox:nosuchtag not found: manifest unknown:"
                        + " manifest unknown", new ManifestMissing()),
                row("20.10/28.5", "Get \"https://registry-1.docker.io/v2/\": dial tcp 127.0.0.1:443: connect:"
                        + " connection refused", new RegistryUnreachable()),
                row("20.10/28.5", "Get \"https://no.such.host.invalid/v2/\": dial tcp: lookup no.such.host.invalid on"
                        + " 10.255.255.53:53: no such host", new RegistryUnreachable()),
                // texts that must not be mistaken for one of the above
                row("28.5", "invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always',"
                        + " 'on-failure', or 'unless-stopped'", new Unknown()),
                row("20.10", "invalid restart policy 'sometimes'", new Unknown()),
                row("20.10/28.5", "No such container: nosuch-xyz", new Unknown()),
                row("20.10/28.5", "network with name cap-net already exists", new Unknown()));
    }

    private static Arguments row(String engine, String text, EngineMessages.Meaning meaning) {
        return Arguments.of(engine, text, meaning);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("captured")
    void eachWordingHasItsMeaning(String engine, String text, EngineMessages.Meaning expected) {
        assertEquals(expected, EngineMessages.of(text));
    }
}
