// Berth in jshell: `examples/jshell` starts jshell with this script; `docker` is connected and ready.
import dev.berth.*;
import java.nio.file.*;
import java.time.Duration;

Docker docker = Docker.connect();
System.out.println("Berth connected to " + docker.endpoint());
System.out.println("Try: docker.containers().list()   docker.images().list()   docker.system().diskUsage()");
System.out.println("     var web = docker.containers().run(ContainerSpec.of(\"nginx\").publish(8080, 80).waitFor(Wait.http(80, \"/\")))");
