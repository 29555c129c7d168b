package dev.berth.core.internal.objects;

import dev.berth.ConflictException;
import dev.berth.Containers;
import dev.berth.Volume;
import dev.berth.VolumeInfo;
import dev.berth.VolumeNotFoundException;
import dev.berth.core.internal.engine.Engine;
import dev.berth.core.internal.engine.Failures;
import dev.berth.core.internal.transport.RawEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A volume handle. */
final class EngineVolume implements Volume {
    private static final Pattern IN_USE_IDS = Pattern.compile("[0-9a-f]{12,64}");
    private final Engine engine;
    private final Containers containers;
    private final String name;
    /** Found, not made, by getOrCreate: close() leaves it. */
    private final boolean adopted;

    EngineVolume(Engine engine, Containers containers, String name, boolean adopted) {
        this.engine = engine;
        this.containers = containers;
        this.name = name;
        this.adopted = adopted;
    }

    @Override
    public boolean adopted() {
        return adopted;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public VolumeInfo inspect() {
        return EngineVolumes.info(engine.call("inspect volume " + name,
                () -> engine.client().inspectVolumeCmd(name).exec(),
                Failures.on(404, f -> new VolumeNotFoundException(name, f.cause()))));
    }

    @Override
    public void remove() {
        remove(false);
    }

    @Override
    public void removeForced() {
        remove(true);
    }

    private void remove(boolean force) {
        engine.call("remove volume " + name,
                () -> engine.raw().delete("/volumes/" + RawEngine.encode(name) + (force ? "?force=1" : "")),
                Failures.on(404, f -> new VolumeNotFoundException(name, f.cause())).and(409, this::inUse));
    }

    /** The engine names the containers by id; the error names them by name too, and says what to do. */
    private ConflictException inUse(Failures.Failure f) {
        List<String> users = new ArrayList<>();
        Matcher m = IN_USE_IDS.matcher(f.message());
        while (m.find()) {
            String id = m.group();
            users.add(containers.find(id).map(c -> c.name() + " (" + id.substring(0, 12) + ")")
                    .orElse(id));
        }
        return new ConflictException("Volume '" + name + "' is in use by container " + String.join(", ", users)
                + ". Remove that container first (container.close()); removeForced() does not help while it is"
                + " mounted.", f.cause());
    }

    @Override
    public void close() {
        if (adopted) {
            return; // it was there before this handle: not Berth's to delete
        }
        try {
            remove(false);
        } catch (VolumeNotFoundException alreadyGone) {
            // closing is idempotent
        }
    }

    @Override
    public String toString() {
        return "Volume " + name + (adopted ? " (adopted: close() keeps it)" : "");
    }
}
