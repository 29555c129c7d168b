package dev.berth.core.internal.compose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last steps of a load, on the merged long form: project name, profiles, env files read into
 * {@code environment}, the dependencies Compose adds itself, checks that span keys (references, cycles, conflicting
 * limits), defaults, and the top-level resources the services use (with their engine names).
 */
final class ProjectAssembler {
    private static final String NAME_RULE = "[a-z0-9][a-z0-9_-]*";

    private final YNode.Map model;
    private final List<Path> files;
    private final Path projectDir;
    private final Map<String, String> env;
    private final ComposeLoader.Request request;
    private final Map<String, YNode.Seq> envFilesOf = new LinkedHashMap<>();

    ProjectAssembler(YNode.Map model, List<Path> files, Path projectDir, Map<String, String> env,
            ComposeLoader.Request request) {
        this.model = model;
        this.files = files;
        this.projectDir = projectDir;
        this.env = env;
        this.request = request;
    }

    LoadedProject assemble() {
        String name = projectName();
        YNode.Map services = (YNode.Map) model.get("services");
        Set<String> profiles = activeProfiles();
        services.entries().values().removeIf(s -> !active((YNode.Map) s, profiles));
        for (var e : services.entries().entrySet()) {
            service(e.getKey(), (YNode.Map) e.getValue());
        }
        new ProjectChecks(services).check();
        YNode.Map out = YNode.map(model.mark());
        out.putScalar("name", name);
        model.entries().forEach((k, v) -> {
            if (!Set.of("name", "services", "networks", "volumes", "secrets", "configs").contains(k)) {
                out.put(k, v);
            }
        });
        out.put("services", services);
        resources(out, services, name);
        return new LoadedProject(name, out, files, projectDir, env, envFilesOf);
    }

    private String projectName() {
        if (request.projectName() != null) {
            return request.projectName();
        }
        if (model.get("name") instanceof YNode.Scalar s && !s.text().isEmpty()) {
            if (!s.text().matches(NAME_RULE)) {
                throw ComposeErrors.at(s, "name", "'" + s.text() + "' is not a valid project name",
                        "use lowercase letters, digits, '_' and '-', starting with a letter or digit");
            }
            return s.text();
        }
        String fromEnv = env.get("COMPOSE_PROJECT_NAME");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        return dev.berth.StackSpec.defaultProjectName(files.get(0));
    }

    private Set<String> activeProfiles() {
        Set<String> active = new LinkedHashSet<>(request.profiles());
        String fromEnv = env.get("COMPOSE_PROFILES");
        if (fromEnv != null) {
            for (String p : fromEnv.split(",")) {
                if (!p.isBlank()) {
                    active.add(p.strip());
                }
            }
        }
        return active;
    }

    private static boolean active(YNode.Map service, Set<String> active) {
        if (!(service.get("profiles") instanceof YNode.Seq profiles) || profiles.items().isEmpty()) {
            return true;
        }
        return active.contains("*") || profiles.items().stream().anyMatch(p -> active.contains(Canon.text(p)));
    }

    private void service(String name, YNode.Map s) {
        String path = "services." + name;
        if (s.get("env_file") instanceof YNode.Seq envFiles) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < envFiles.items().size(); i++) {
                YNode.Map entry = (YNode.Map) envFiles.items().get(i);
                Path file = Path.of(Canon.text(entry.get("path")));
                boolean required = Boolean.TRUE.equals(((YNode.Scalar) entry.get("required")).value());
                if (!Files.isRegularFile(file)) {
                    if (required) {
                        throw ComposeErrors.at(entry, Canon.item(path + ".env_file", i), "env file " + file
                                + " not found", "create it, fix the path, or write it as {path: ..., required: false}");
                    }
                    continue;
                }
                values.putAll(ComposeLoader.readEnvFile(file, env::get, entry, Canon.item(path + ".env_file", i)));
            }
            YNode.Map environment = YNode.map(envFiles.mark());
            values.forEach((k, v) -> environment.put(k, YNode.scalar(v, envFiles.mark())));
            if (s.get("environment") instanceof YNode.Map own) {
                own.entries().forEach((k, v) -> environment.put(k, v, own.keyMark(k)));
            }
            // Not printed by config, but part of what Compose hashes (config-hash): kept aside.
            envFilesOf.put(name, envFiles);
            s.remove("env_file");
            if (!environment.entries().isEmpty()) {
                s.put("environment", environment);
            }
        }
        if (!s.has("image") && !s.has("build")) {
            throw ComposeErrors.at(s, path, "service \"" + name + "\" has neither an image nor a build context"
                    + " specified", "add 'image: NAME' or 'build: ./dir'");
        }
        implicitDependencies(s);
        // Merged first (a later false overrides an earlier true), then left out as Compose prints them.
        ServiceKeys.OMITTED_WHEN_FALSE.forEach(key -> {
            if (s.get(key) instanceof YNode.Scalar b && Boolean.FALSE.equals(b.value())) {
                s.remove(key);
            }
        });
        for (String key : new String[] {"command", "entrypoint"}) {
            if (!s.has(key)) {
                s.put(key, YNode.scalar(null, s.mark()));
            }
        }
        if (!s.has("networks") && !s.has("network_mode")) {
            s.put("networks", YNode.map(s.mark()).put("default", YNode.scalar(null, s.mark())));
        }
    }

    /**
     * links, network_mode service: and volumes_from make Compose start the other service first; the first two with
     * {@code restart: true}, volumes_from without (compose-go's normalize, in that order: the first one wins).
     */
    private static void implicitDependencies(YNode.Map s) {
        Map<String, Boolean> implied = new LinkedHashMap<>();
        if (s.get("links") instanceof YNode.Seq links) {
            links.items().forEach(l -> implied.putIfAbsent(Canon.text(l).split(":")[0], true));
        }
        if (s.get("network_mode") instanceof YNode.Scalar mode && mode.text().startsWith("service:")) {
            implied.putIfAbsent(mode.text().substring(8), true);
        }
        if (s.get("volumes_from") instanceof YNode.Seq from) {
            from.items().forEach(v -> {
                String ref = Canon.text(v);
                if (!ref.startsWith("container:")) {
                    implied.putIfAbsent(ref.split(":")[0], false);
                }
            });
        }
        if (implied.isEmpty()) {
            return;
        }
        YNode.Map deps = s.get("depends_on") instanceof YNode.Map m ? m : YNode.map(s.mark());
        implied.forEach((service, restart) -> {
            if (!deps.has(service)) {
                YNode.Map dep = YNode.map(s.mark()).putScalar("condition", "service_started");
                if (restart) {
                    dep.putScalar("restart", true);
                }
                deps.put(service, dep.putScalar("required", true));
            }
        });
        s.put("depends_on", deps);
    }

    /** Only the resources the services use, each with the name the engine will know it by. */
    private void resources(YNode.Map out, YNode.Map services, String project) {
        Map<String, Set<String>> used = new LinkedHashMap<>();
        for (String kind : new String[] {"networks", "volumes", "secrets", "configs"}) {
            used.put(kind, new LinkedHashSet<>());
        }
        for (var e : services.entries().entrySet()) {
            YNode.Map s = (YNode.Map) e.getValue();
            String path = "services." + e.getKey();
            if (s.get("networks") instanceof YNode.Map nets) {
                for (String net : nets.entries().keySet()) {
                    declared("networks", net, nets.keyMark(net), path + ".networks." + net, used);
                }
            }
            if (s.get("volumes") instanceof YNode.Seq vols) {
                for (int i = 0; i < vols.items().size(); i++) {
                    YNode.Map v = (YNode.Map) vols.items().get(i);
                    if (Canon.text(v.get("type")).equals("volume") && v.has("source")) {
                        declared("volumes", Canon.text(v.get("source")), v.mark(), Canon.item(path + ".volumes", i),
                                used);
                    }
                }
            }
            for (String kind : new String[] {"secrets", "configs"}) {
                if (s.get(kind) instanceof YNode.Seq refs) {
                    for (int i = 0; i < refs.items().size(); i++) {
                        YNode.Map r = (YNode.Map) refs.items().get(i);
                        declared(kind, Canon.text(r.get("source")), r.mark(), Canon.item(path + "." + kind, i), used);
                    }
                }
            }
        }
        for (var e : used.entrySet()) {
            String kind = e.getKey();
            YNode.Map declared = model.get(kind) instanceof YNode.Map m ? m : YNode.map(model.mark());
            YNode.Map kept = YNode.map(declared.mark());
            for (String name : e.getValue()) {
                YNode.Map def = declared.get(name) instanceof YNode.Map d ? d : YNode.map(model.mark())
                        .put("ipam", YNode.map(model.mark()));
                if (!def.has("name")) {
                    boolean external = def.get("external") instanceof YNode.Scalar x && Boolean.TRUE.equals(x.value());
                    def.putScalar("name", external ? name : project + "_" + name);
                }
                kept.put(name, def, declared.keyMark(name));
            }
            if (!kept.entries().isEmpty()) {
                out.put(kind, kept);
            }
        }
    }

    private void declared(String kind, String name, YNode.Mark mark, String path, Map<String, Set<String>> used) {
        boolean isDeclared = model.get(kind) instanceof YNode.Map m && m.has(name);
        if (!isDeclared && !(kind.equals("networks") && name.equals("default"))) {
            String singular = kind.substring(0, kind.length() - 1);
            throw ComposeErrors.at(mark, path, "service refers to undefined " + singular + " " + name,
                    "declare it under the top-level '" + kind + ":' section");
        }
        used.get(kind).add(name);
    }

}
