package dev.berth.examples;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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

    /** jshell runs snippets in a second JVM without a console: the bar must still be drawn when TERM says so. */
    @Test
    void pullInJshellOnATerminalDrawsTheBar() throws Exception {
        String out = jshell(Map.of("TERM", "xterm-256color"), "docker.images().pull(\"busybox\")");
        assertTrue(out.contains("\rpull busybox:latest ["), out);
        assertTrue(out.contains("Status: Image is up to date for busybox"), out);
    }

    @Test
    void pullInJshellWithoutATerminalWritesLines() throws Exception {
        String out = jshell(Map.of("TERM", "dumb"), "docker.images().pull(\"busybox\")");
        assertTrue(!out.contains("\r"), out);
        assertTrue(out.contains("pull busybox:latest: Status: Image is up to date for busybox"), out);
    }

    private static String jshell(Map<String, String> env, String snippet) throws Exception {
        String jshell = System.getProperty("java.home") + File.separator + "bin" + File.separator + "jshell";
        ProcessBuilder builder = new ProcessBuilder(jshell, "--class-path", System.getProperty("java.class.path"),
                "--startup", "DEFAULT", "--startup", "berth.jsh", "-q",
                "-R-Dorg.slf4j.simpleLogger.logFile=System.out").redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
        p.getOutputStream().write((snippet + "\n/exit\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "jshell did not finish");
        return out;
    }
}
