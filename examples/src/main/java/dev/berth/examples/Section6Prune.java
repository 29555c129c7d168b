package dev.berth.examples;

import dev.berth.BerthLabels;
import dev.berth.Docker;
import dev.berth.Prune;
import dev.berth.PruneReport;

/**
 * §6 {@code docker system prune -a -f}. The full command removes every stopped container, unused image, volume and
 * network on the machine, yours included; the tour narrows it to what this connection created
 * ({@code withLabel(dev.berth.session, id)}), so it can run on a developer's machine and beside another tour.
 */
public final class Section6Prune {
    private Section6Prune() {
    }

    /** {@code docker system prune -a -f --volumes --filter label=dev.berth.session=ID}. */
    public static Prune ownPrune(Docker docker) {
        return Prune.everything().withLabel(BerthLabels.SESSION, docker.sessionId());
    }

    public static PruneReport pruneOwn(Docker docker) {
        return docker.system().prune(ownPrune(docker));
    }
}
