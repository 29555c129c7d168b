package dev.berth.examples;

import dev.berth.Docker;
import dev.berth.Prune;
import dev.berth.PruneReport;

/**
 * §6 {@code docker system prune -a -f}. The tour prunes only what Berth created ({@code onlyBerth()}), which is
 * safe on a developer machine; {@code Prune.everything()} alone is the full command.
 */
public final class Section6Prune {
    private Section6Prune() {
    }

    public static PruneReport pruneBerthsOwn(Docker docker) {
        return docker.system().prune(Prune.everything().onlyBerth());
    }
}
