package dev.berth.core.internal.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import dev.berth.Containers;
import dev.berth.Filter;
import dev.berth.NameConflictException;
import dev.berth.PruneReport;
import dev.berth.Volume;
import dev.berth.VolumeInfo;
import dev.berth.VolumeNotFoundException;
import dev.berth.VolumeSpec;
import dev.berth.Volumes;
import dev.berth.core.internal.engine.Engine;
import dev.berth.core.internal.engine.Prunes;
import dev.berth.core.internal.transport.RawEngine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code docker volume …}. */
public final class EngineVolumes implements Volumes {
    private final Engine engine;
    /** To name the containers that keep a volume in use. */
    private final Containers containers;

    public EngineVolumes(Engine engine, Containers containers) {
        this.engine = engine;
        this.containers = containers;
    }

    @Override
    public Volume create(String name) {
        if (name == null) {
            throw new dev.berth.InvalidSpecException("volume name", null, "it is required (null given)",
                    "name the volume, or use create(VolumeSpec.anonymous()) for a generated name");
        }
        return create(VolumeSpec.named(name));
    }

    @Override
    public Volume create(VolumeSpec spec) {
        Volume volume = createOrAdopt(spec);
        if (volume.adopted()) {
            throw new NameConflictException("volume", spec.name(), null, "Berth does not take over a volume it did"
                    + " not create (its close() would delete the data). Use docker.volumes().getOrCreate(\""
                    + spec.name() + "\") to use it and keep it, remove it yourself, or pick another name.", null);
        }
        return volume;
    }

    @Override
    public Volume getOrCreate(String name) {
        if (name == null) {
            throw new dev.berth.InvalidSpecException("volume name", null, "it is required (null given)",
                    "name the volume to find or create");
        }
        return getOrCreate(VolumeSpec.named(name));
    }

    @Override
    public Volume getOrCreate(VolumeSpec spec) {
        return createOrAdopt(spec);
    }

    /**
     * One create call. The engine answers a create of an existing name with the existing volume (HTTP 201, its own
     * labels): a random creation label that does not come back means the volume was there before.
     */
    private EngineVolume createOrAdopt(VolumeSpec spec) {
        if (spec == null) {
            throw new dev.berth.InvalidSpecException("volume spec", null, "it is required (null given)",
                    "pass e.g. VolumeSpec.named(\"data\")");
        }
        String creation = java.util.UUID.randomUUID().toString();
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        labels.putAll(engine.berthLabels());
        labels.put(dev.berth.BerthLabels.CREATION, creation);
        var cmd = engine.client().createVolumeCmd().withDriver(spec.driver()).withLabels(labels);
        if (spec.name() != null) {
            cmd.withName(spec.name());
        }
        if (!spec.options().isEmpty()) {
            cmd.withDriverOpts(spec.options());
        }
        var created = engine.call("create volume " + spec.name(), cmd::exec);
        Map<String, String> got = created.getLabels() == null ? Map.of() : created.getLabels();
        boolean adopted = !creation.equals(got.get(dev.berth.BerthLabels.CREATION));
        return new EngineVolume(engine, containers, created.getName(), adopted);
    }

    @Override
    public Volume get(String name) {
        return find(name).orElseThrow(() -> new VolumeNotFoundException(name, null));
    }

    @Override
    public Optional<Volume> find(String name) {
        if (name == null || name.isBlank()) {
            throw new dev.berth.InvalidSpecException("volume name", name, "a name is required",
                    "pass the volume's name");
        }
        return engine.find("inspect volume " + name, () -> engine.client().inspectVolumeCmd(name).exec())
                .map(found -> new EngineVolume(engine, containers, name, false));
    }

    @Override
    public List<VolumeInfo> list() {
        return list(Filter.none());
    }

    @Override
    public List<VolumeInfo> list(Filter filter) {
        var cmd = engine.client().listVolumesCmd();
        filter.asMap().forEach(cmd::withFilter);
        var response = engine.call("list volumes", cmd::exec);
        if (response.getVolumes() == null) {
            return List.of();
        }
        return response.getVolumes().stream()
                .map(v -> new VolumeInfo(v.getName(), v.getDriver(), v.getMountpoint(), null,
                        v.getLabels() == null ? Map.of() : v.getLabels(), Map.of()))
                .toList();
    }

    @Override
    public PruneReport prune(Filter filter) {
        String query = pruneQuery(filter.asMap());
        JsonNode reply = engine.call("prune volumes",
                () -> Prunes.waitingForOthers(() -> engine.raw().post("/volumes/prune?" + query)));
        return PruneReport.ofVolumes(Prunes.names(reply.path("VolumesDeleted")), reply.path("SpaceReclaimed").asLong());
    }

    /**
     * The query for a volume prune. From API 1.42 the engine prunes only anonymous volumes unless asked for all;
     * Berth keeps one meaning (every unused volume the filter selects) on every engine.
     */
    private String pruneQuery(Map<String, List<String>> filters) {
        Map<String, List<String>> all = new LinkedHashMap<>(filters);
        if (engine.speaksAtLeast("1.42")) {
            all.put("all", List.of("true"));
        }
        return RawEngine.filters(all);
    }

    static VolumeInfo info(InspectVolumeResponse v) {
        return new VolumeInfo(v.getName(), v.getDriver(), v.getMountpoint(), null,
                v.getLabels() == null ? Map.of() : v.getLabels(), v.getOptions() == null ? Map.of() : v.getOptions());
    }
}
