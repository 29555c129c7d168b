package dev.berth.core.internal.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.BerthLabels;
import dev.berth.InvalidSpecException;
import dev.berth.NotFoundException;
import dev.berth.Secret;
import dev.berth.SwarmObject;
import dev.berth.SwarmObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code docker secret|config}: the same API shape for both. Data goes to the engine base64-encoded and is never
 * kept, logged, or put in an error message.
 */
public final class EngineSwarmObjects implements SwarmObjects {
    enum Kind {
        SECRET("secret", "/secrets"), CONFIG("config", "/configs");

        final String word;
        final String path;

        Kind(String word, String path) {
            this.word = word;
            this.path = path;
        }
    }

    /** The engine refuses objects over 500 KB (swarmkit's MaxSecretSize / MaxConfigSize). */
    private static final int MAX_BYTES = 500 * 1024;

    private final SwarmCalls calls;
    private final Kind kind;

    EngineSwarmObjects(SwarmCalls calls, Kind kind) {
        this.calls = calls;
        this.kind = kind;
    }

    @Override
    public SwarmObject create(String name, byte[] data, Map<String, String> labels) {
        Map<String, String> all = new LinkedHashMap<>(labels);
        all.putIfAbsent(BerthLabels.MANAGED, "true");
        return createExactly(name, data, all);
    }

    /** Creates with exactly these labels (stacks label their objects as the CLI does). */
    SwarmObject createExactly(String name, byte[] data, Map<String, String> labels) {
        check(name, data);
        ObjectNode spec = SwarmCalls.object();
        spec.put("Name", name);
        ObjectNode labelNode = spec.putObject("Labels");
        labels.forEach(labelNode::put);
        spec.put("Data", Base64.getEncoder().encodeToString(data));
        JsonNode created = calls.post(kind.word + " create " + name, kind.path + "/create", spec);
        return find(created.path("ID").asText()).orElseThrow(() -> new NotFoundException(kind.word + " " + name
                + " vanished right after it was created"));
    }

    @Override
    public SwarmObject create(String name, Secret value) {
        return create(name, value.reveal().getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Override
    public SwarmObject create(String name, Path file) {
        try {
            return create(name, Files.readAllBytes(file), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + kind.word + " file " + file, e);
        }
    }

    @Override
    public List<SwarmObject> list() {
        return list(Map.of());
    }

    List<SwarmObject> list(Map<String, List<String>> filters) {
        List<SwarmObject> objects = new ArrayList<>();
        String query = SwarmCalls.filters(filters);
        calls.get(kind.word + " ls", kind.path + (query.isEmpty() ? "" : "?" + query))
                .forEach(o -> objects.add(object(o)));
        return objects;
    }

    @Override
    public Optional<SwarmObject> find(String nameOrId) {
        try {
            return Optional.of(object(calls.get(kind.word + " inspect " + nameOrId,
                    kind.path + "/" + SwarmCalls.encode(nameOrId))));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public void remove(String nameOrId) {
        calls.delete(kind.word + " rm " + nameOrId, kind.path + "/" + SwarmCalls.encode(nameOrId));
    }

    private static SwarmObject object(JsonNode o) {
        return new SwarmObject(o.path("ID").asText(), o.path("Spec").path("Name").asText(),
                Json.strings(o.path("Spec").path("Labels")), Json.instant(o.path("CreatedAt")));
    }

    private void check(String name, byte[] data) {
        if (name == null || !name.matches("[a-zA-Z0-9]([a-zA-Z0-9_.-]{0,62})")) {
            throw new InvalidSpecException(kind.word + " name", name,
                    "a name is letters, digits, '_', '.' and '-' (at most 64), starting with a letter or digit",
                    "e.g. \"db_password\"");
        }
        if (data.length == 0 || data.length > MAX_BYTES) {
            // the size only: the data itself must never reach a message
            throw new InvalidSpecException(kind.word + " size of " + name, data.length + " bytes",
                    "the engine takes 1 byte to 500 KB", "store bigger files in a volume instead");
        }
    }
}
