package dev.berth.core.internal.swarm;

import static dev.berth.core.internal.swarm.ComposeValues.bool;
import static dev.berth.core.internal.swarm.ComposeValues.keyValues;
import static dev.berth.core.internal.swarm.ComposeValues.mode;
import static dev.berth.core.internal.swarm.ComposeValues.nanos;
import static dev.berth.core.internal.swarm.ComposeValues.present;
import static dev.berth.core.internal.swarm.ComposeValues.text;
import static dev.berth.core.internal.swarm.ComposeValues.words;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.InvalidSpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A compose service's container part (image, command, env, mounts, secrets, configs) as the CLI converts it. */
final class ComposeContainer {
    private final ComposeToSwarm project;

    ComposeContainer(ComposeToSwarm project) {
        this.project = project;
    }

    ObjectNode container(String name, JsonNode s, String path) {
        ObjectNode c = SwarmCalls.object();
        c.put("Image", s.path("image").asText());
        ObjectNode labels = c.putObject("Labels");
        project.stackLabels(s.path("labels")).forEach(labels::put);
        ComposeDeploy.putWords(c, "Command", words(s.path("entrypoint"), path + ".entrypoint"));
        ComposeDeploy.putWords(c, "Args", words(s.path("command"), path + ".command"));
        if (present(s.path("hostname"))) {
            c.put("Hostname", s.path("hostname").asText());
        }
        Map<String, String> env = new TreeMap<>();
        envFiles(s.path("env_file"), path).forEach(env::put);
        env.putAll(keyValues(s.path("environment")));
        if (!env.isEmpty()) {
            ArrayNode array = c.putArray("Env");
            env.forEach((k, v) -> array.add(v == null ? k : k + "=" + v));
        }
        if (present(s.path("working_dir"))) {
            c.put("Dir", s.path("working_dir").asText());
        }
        if (present(s.path("user"))) {
            c.put("User", s.path("user").asText());
        }
        ArrayNode mounts = mounts(s.path("volumes"), path);
        if (!mounts.isEmpty()) {
            c.set("Mounts", mounts);
        }
        Long grace = nanos(s.path("stop_grace_period"), path + ".stop_grace_period");
        if (grace != null) {
            c.put("StopGracePeriod", grace);
        }
        if (present(s.path("stop_signal"))) {
            c.put("StopSignal", s.path("stop_signal").asText());
        }
        if (bool(s.path("tty"))) {
            c.put("TTY", true);
        }
        if (bool(s.path("stdin_open"))) {
            c.put("OpenStdin", true);
        }
        if (bool(s.path("read_only"))) {
            c.put("ReadOnly", true);
        }
        if (present(s.path("init"))) {
            c.put("Init", bool(s.path("init")));
        }
        ComposeDeploy.putWords(c, "CapabilityAdd", words(s.path("cap_add"), path + ".cap_add"));
        ComposeDeploy.putWords(c, "CapabilityDrop", words(s.path("cap_drop"), path + ".cap_drop"));
        ObjectNode health = ComposeDeploy.healthcheck(s.path("healthcheck"), path + ".healthcheck");
        if (health != null) {
            c.set("Healthcheck", health);
        }
        // the CLI always sends Privileges (credential_spec / SELinux), empty when the file sets none
        ObjectNode privileges = c.putObject("Privileges");
        privileges.putNull("CredentialSpec");
        privileges.putNull("SELinuxContext");
        ArrayNode secrets = fileRefs(s.path("secrets"), "secrets", path, false);
        if (!secrets.isEmpty()) {
            c.set("Secrets", secrets);
        }
        ArrayNode configs = fileRefs(s.path("configs"), "configs", path, true);
        if (!configs.isEmpty()) {
            c.set("Configs", configs);
        }
        return c;
    }

    Map<String, String> envFiles(JsonNode node, String path) {
        Map<String, String> env = new TreeMap<>();
        if (!present(node)) {
            return env;
        }
        List<String> files = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(f -> files.add(f.isObject() ? f.path("path").asText() : f.asText()));
        } else {
            files.add(node.asText());
        }
        for (String file : files) {
            try {
                for (String line : Files.readAllLines(project.workingDir().resolve(file))) {
                    String trimmed = line.strip();
                    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                        continue;
                    }
                    int eq = trimmed.indexOf('=');
                    env.put(eq < 0 ? trimmed : trimmed.substring(0, eq), eq < 0 ? null : trimmed.substring(eq + 1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + path + ".env_file " + file, e);
            }
        }
        return env;
    }

    ArrayNode mounts(JsonNode volumes, String path) {
        ArrayNode mounts = SwarmCalls.object().arrayNode();
        if (!present(volumes)) {
            return mounts;
        }
        for (JsonNode v : volumes) {
            String type;
            String source;
            String target;
            boolean readOnly;
            if (v.isObject()) {
                type = v.path("type").asText("volume");
                source = text(v.path("source"));
                target = v.path("target").asText();
                readOnly = bool(v.path("read_only"));
            } else {
                String[] parts = v.asText().split(":");
                if (parts.length == 1) {
                    type = "volume";
                    source = null;
                    target = parts[0];
                    readOnly = false;
                } else {
                    source = parts[0];
                    target = parts[1];
                    readOnly = parts.length > 2 && parts[2].contains("ro");
                    type = source.startsWith(".") || source.startsWith("/") || source.startsWith("~") ? "bind"
                            : "volume";
                }
            }
            ObjectNode mount = mounts.addObject();
            mount.put("Type", type);
            if (type.equals("volume") && source != null) {
                JsonNode def = project.tree().path("volumes").path(source);
                mount.put("Source", project.objectName("volumes", source));
                mount.put("Target", target);
                if (readOnly) {
                    mount.put("ReadOnly", true);
                }
                ObjectNode options = mount.putObject("VolumeOptions");
                if (!ComposeToSwarm.isExternal(def)) {
                    ObjectNode labels = options.putObject("Labels");
                    project.stackLabels(def.path("labels")).forEach(labels::put);
                }
                if (present(def.path("driver"))) {
                    ObjectNode driver = options.putObject("DriverConfig");
                    driver.put("Name", def.path("driver").asText());
                    ObjectNode opts = driver.putObject("Options");
                    keyValues(def.path("driver_opts")).forEach(opts::put);
                }
            } else if (type.equals("bind")) {
                mount.put("Source", project.workingDir().resolve(source).normalize().toString());
                mount.put("Target", target);
                if (readOnly) {
                    mount.put("ReadOnly", true);
                }
            } else {
                if (source != null) {
                    mount.put("Source", source);
                }
                mount.put("Target", target);
                if (readOnly) {
                    mount.put("ReadOnly", true);
                }
            }
        }
        return mounts;
    }

    /** Secrets and configs given to a service: sorted by engine name, as the CLI sorts them. */
    ArrayNode fileRefs(JsonNode refs, String section, String path, boolean config) {
        List<ObjectNode> list = new ArrayList<>();
        if (present(refs)) {
            for (JsonNode ref : refs) {
                String source = ref.isObject() ? ref.path("source").asText() : ref.asText();
                if (!project.tree().path(section).has(source)) {
                    throw new InvalidSpecException(path + "." + section, source, "the service uses a " + section
                            .substring(0, section.length() - 1) + " the file does not define",
                            "define it under the top-level " + section + ":");
                }
                String target = ref.isObject() ? text(ref.path("target")) : null;
                if (!config && target != null && target.equals("/run/secrets/" + source)) {
                    target = source; // a normalized short form: the CLI sends the bare name
                }
                if (target == null) {
                    target = config ? "/" + source : source;
                }
                ObjectNode node = SwarmCalls.object();
                ObjectNode file = node.putObject("File");
                file.put("Name", target);
                file.put("UID", ref.isObject() ? ref.path("uid").asText("0") : "0");
                file.put("GID", ref.isObject() ? ref.path("gid").asText("0") : "0");
                Integer mode = ref.isObject() ? mode(ref.path("mode"), path + "." + section + ".mode") : null;
                file.put("Mode", mode == null ? 0444 : mode);
                String name = project.objectName(section, source);
                node.put(config ? "ConfigID" : "SecretID", "");
                node.put(config ? "ConfigName" : "SecretName", name);
                list.add(node);
            }
        }
        String key = config ? "ConfigName" : "SecretName";
        list.sort(Comparator.comparing(n -> n.path(key).asText()));
        ArrayNode array = SwarmCalls.object().arrayNode();
        list.forEach(array::add);
        return array;
    }
}
