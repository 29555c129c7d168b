package dev.berth.examples;

import dev.berth.BerthLabels;
import dev.berth.Docker;
import dev.berth.NameConflictException;
import dev.berth.Network;
import dev.berth.Volume;
import java.io.PrintStream;
import java.util.UUID;

/**
 * The names and host ports the tour uses, chosen so that it never touches what it did not create and can run twice
 * at once on one engine. By default every name is unique but reads like the seed's ({@code data1-3fa2c1}): a volume
 * create hands back an existing volume of the same name, so a seed name could share a volume with another program,
 * and the tour would delete it at the end. With {@code -Dtour.names=seed} the volume and network get the seed's
 * exact names while they are free; a taken one is left alone and the tour says so and uses a unique name.
 * Containers, images and stacks always get unique names (a second {@code db} would be refused, a second tag would
 * steal the first). Host ports are chosen by the engine unless given, e.g. {@code -Dtour.port=8080}.
 */
final class TourNames {
    private final Docker docker;
    private final PrintStream out;
    private final boolean seedNames;
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);

    TourNames(Docker docker, PrintStream out, boolean seedNames) {
        this.docker = docker;
        this.out = out;
        this.seedNames = seedNames;
    }

    /** A unique name that still reads like the seed's: {@code web-3fa2c1}. */
    String unique(String seedName) {
        return seedName + "-" + suffix;
    }

    /** The host port from the system property, or 0 (any free port, chosen by the engine). */
    static int hostPort(String property) {
        String value = System.getProperty(property, "").strip();
        if (value.isEmpty()) {
            return 0;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + property + "=" + value + " is not a port: give 1..65535,"
                    + " or leave it out for a free port");
        }
    }

    /**
     * {@code docker volume create NAME}, but never on a volume someone else has: the engine would hand back the
     * existing volume (create is idempotent), and the tour would later delete its data. So the tour looks first,
     * and with seed names checks after creating that the volume carries its own session label (another run may have
     * won a race).
     */
    Volume volume(String seedName) {
        if (docker.volumes().find(seedName).isPresent()) {
            return uniqueVolume(seedName);
        }
        if (!seedNames) {
            String name = unique(seedName);
            out.println("  (the tour names it " + name + ", so it never shares a volume with yours;"
                    + " -Dtour.names=seed for " + seedName + ")");
            return docker.volumes().create(name);
        }
        Volume volume = docker.volumes().create(seedName);
        if (!docker.sessionId().equals(volume.inspect().labels().get(BerthLabels.SESSION))) {
            return uniqueVolume(seedName); // created by someone else between the look and the create
        }
        return volume;
    }

    private Volume uniqueVolume(String seedName) {
        String name = unique(seedName);
        out.println("  (volume " + seedName + " already exists and is not the tour's: it is left alone;"
                + " the tour uses " + name + " instead)");
        return docker.volumes().create(name);
    }

    /** {@code docker network create NAME}; the engine refuses a taken name, and then the tour uses a unique one. */
    Network network(String seedName) {
        if (!seedNames) {
            String name = unique(seedName);
            out.println("  (the tour names it " + name + "; -Dtour.names=seed for " + seedName + ")");
            return docker.networks().create(name);
        }
        try {
            return docker.networks().create(seedName);
        } catch (NameConflictException taken) {
            String name = unique(seedName);
            out.println("  (network " + seedName + " already exists and is not the tour's: it is left alone;"
                    + " the tour uses " + name + " instead)");
            return docker.networks().create(name);
        }
    }
}
