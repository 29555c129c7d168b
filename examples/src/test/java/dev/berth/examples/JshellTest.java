package dev.berth.examples;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** berth.jsh leaves a connected `docker` in jshell, and results print readably. */
class JshellTest {
    @Test
    void startupScriptConnectsAndResultsPrint() throws Exception {
        String jshell = System.getProperty("java.home") + File.separator + "bin" + File.separator + "jshell";
        Process p = new ProcessBuilder(jshell, "--class-path", System.getProperty("java.class.path"),
                "--startup", "DEFAULT", "--startup", "berth.jsh", "-q")
                .redirectErrorStream(true).start();
        p.getOutputStream().write(("docker.version()\nContainerSpec.of(\"nginx\").publish(8080, 80)"
                + ".env(\"PASSWORD\", Secret.of(\"hunter2\"))\n/exit\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "jshell did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(out.contains("Berth connected to unix://"), out);
        assertTrue(out.contains("Docker Engine "), out);
        assertTrue(out.contains("ContainerSpec[nginx ports=[127.0.0.1:8080->80/tcp] env={PASSWORD=****}]")
                || out.contains("ContainerSpec[nginx env={PASSWORD=****} ports=[127.0.0.1:8080->80/tcp]]"), out);
        assertTrue(!out.contains("hunter2"), out);
    }
}
