package dev.berth.core.internal.compose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a compose project without an engine, the way {@code docker compose config} does: each file is read,
 * interpolated and turned into the long form (paths resolved against the directory its keys are relative to), its
 * {@code include}s and {@code extends} resolved, then the files merged in order; {@link ProjectAssembler} finishes.
 */
public final class ComposeLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ComposeLoader.class);
    private static final Set<String> TOP_LEVEL = Set.of("version", "name", "services", "networks", "volumes",
            "secrets", "configs", "include", "models");

    /** What to load: the files in order, and what {@code docker compose}'s flags and environment would give. */
    public record Request(List<Path> files, String projectName, Map<String, String> processEnv,
            Map<String, String> extraEnv, List<Path> envFiles, Set<String> profiles) {
    }

    private final Map<Path, YNode.Map> extendsFiles = new HashMap<>();
    private final Set<String> warned = new LinkedHashSet<>();

    private ComposeLoader() {
    }

    public static LoadedProject load(Request request) {
        return new ComposeLoader().run(request);
    }

    private LoadedProject run(Request request) {
        List<Path> files = request.files().stream().map(f -> f.toAbsolutePath().normalize()).toList();
        Path projectDir = files.get(0).getParent();
        Map<String, String> env = ProjectEnv.of(projectDir, request.envFiles(), request.processEnv(),
                request.extraEnv());
        Canon canon = new Canon(projectDir, env::get);
        YNode.Map merged = null;
        for (Path file : files) {
            YNode.Map model = loadFile(file, canon, new ArrayDeque<>());
            merged = merged == null ? model : ComposeMerge.merge(merged, model);
        }
        return new ProjectAssembler(merged, files, projectDir, env, request).assemble();
    }

    /** One file in the long form, with its includes merged in and its extends resolved. */
    private YNode.Map loadFile(Path file, Canon canon, Deque<Path> includes) {
        includes.push(file);
        try {
            YNode.Map model = longForm(file, canon);
            resolveExtends(model, file, canon);
            YNode include = model.remove("include");
            if (include != null && !(include instanceof YNode.Scalar s && s.isNull())) {
                model = withIncludes(model, include, canon, includes);
            }
            return model;
        } finally {
            includes.pop();
        }
    }

    private final Map<Path, YNode.Map> raw = new HashMap<>();

    private YNode.Map rawFile(Path file) {
        return raw.computeIfAbsent(file, YamlReader::read);
    }

    /** Read, interpolate and convert every key of one file (extends and include still unresolved). */
    private YNode.Map longForm(Path file, Canon canon) {
        YNode.Map top = rawFile(file).copy();
        for (String key : top.entries().keySet()) {
            if (!TOP_LEVEL.contains(key) && !key.startsWith("x-")) {
                throw ComposeErrors.at(top.keyMark(key), key, "'" + key + "' is not a top-level key",
                        "use services, networks, volumes, secrets, configs, include, name or an x- extension");
            }
        }
        interpolate(top, "", canon.env);
        YNode.Map out = YNode.map(top.mark());
        if (top.has("version") && warned.add("version")) {
            LOG.warn("{}: the attribute `version` is obsolete, it will be ignored", file);
        }
        if (top.has("name")) {
            out.put("name", Canon.str(top.get("name"), "name"), top.keyMark("name"));
        }
        YNode.Map services = YNode.map(top.mark());
        if (top.has("services")) {
            YNode.Map declared = Canon.mapOrNull(top.get("services"), "services");
            ServiceKeys keys = new ServiceKeys(canon);
            declared.entries().forEach((name, node) -> services.put(name, keys.service(node,
                    Canon.child("services", name)), declared.keyMark(name)));
        }
        out.put("services", services);
        TopLevelKeys resources = new TopLevelKeys(canon);
        for (String kind : new String[] {"networks", "volumes", "secrets", "configs"}) {
            if (top.has(kind)) {
                out.put(kind, resources.section(kind, top.get(kind)), top.keyMark(kind));
            }
        }
        top.entries().forEach((key, value) -> {
            if (key.startsWith("x-") || key.equals("models") || key.equals("include")) {
                out.put(key, value, top.keyMark(key));
            }
        });
        return out;
    }

    /** Interpolates every scalar value (keys are left as written, as Compose does). */
    private void interpolate(YNode node, String path, Function<String, String> env) {
        Interpolation interpolation = new Interpolation(env, name -> {
            if (warned.add("var:" + name)) {
                LOG.warn("The \"{}\" variable is not set. Defaulting to a blank string.", name);
            }
        });
        walk(node, path, interpolation);
    }

    private void walk(YNode node, String path, Interpolation interpolation) {
        if (node instanceof YNode.Map m) {
            for (var e : m.entries().entrySet()) {
                String p = Canon.child(path, e.getKey());
                if (e.getValue() instanceof YNode.Scalar s && s.value() instanceof String text) {
                    e.setValue(YNode.scalar(substitute(interpolation, text, s, p), s.mark()).tagged(s.mergeTag()));
                } else {
                    walk(e.getValue(), p, interpolation);
                }
            }
        } else if (node instanceof YNode.Seq seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                YNode item = seq.items().get(i);
                String p = Canon.item(path, i);
                if (item instanceof YNode.Scalar s && s.value() instanceof String text) {
                    seq.items().set(i, YNode.scalar(substitute(interpolation, text, s, p), s.mark())
                            .tagged(s.mergeTag()));
                } else {
                    walk(item, p, interpolation);
                }
            }
        }
    }

    private static String substitute(Interpolation interpolation, String text, YNode node, String path) {
        try {
            return interpolation.apply(text);
        } catch (Interpolation.Failure e) {
            throw ComposeErrors.at(node, path, e.getMessage(), e.missingRequired()
                    ? "set the variable in the environment or the project's .env file"
                    : "write a literal $ as $$, and variables as $NAME or ${NAME}");
        }
    }

    private void resolveExtends(YNode.Map model, Path file, Canon canon) {
        YNode.Map services = (YNode.Map) model.get("services");
        for (String name : new ArrayList<>(services.entries().keySet())) {
            services.put(name, extended(services, name, file, canon, new LinkedHashSet<>()),
                    services.keyMark(name));
        }
    }

    private YNode.Map extended(YNode.Map services, String name, Path file, Canon canon, Set<String> visiting) {
        YNode.Map service = (YNode.Map) services.get(name);
        if (!(service.get("extends") instanceof YNode.Map ref)) {
            return service;
        }
        String path = "services." + name + ".extends";
        if (!visiting.add(file + "#" + name)) {
            throw ComposeErrors.at(ref, path, "extends forms a cycle: " + String.join(" -> ", visiting),
                    "remove one of the extends");
        }
        String baseName = Canon.text(ref.get("service"));
        Path baseFile = ref.has("file") ? Path.of(Canon.text(ref.get("file"))) : file;
        Canon baseCanon = ref.has("file") ? new Canon(baseFile.getParent(), canon.env) : canon;
        YNode.Map baseServices = ref.has("file") ? extendsFile(baseFile, ref, path, baseCanon) : services;
        if (!(baseServices.get(baseName) instanceof YNode.Map)) {
            throw ComposeErrors.at(ref.get("service"), path + ".service", "service '" + baseName
                    + "' is not defined in " + baseFile, "name a service of that file");
        }
        YNode.Map base = extended(baseServices, baseName, baseFile, baseCanon, visiting);
        YNode.Map own = service.copy();
        own.remove("extends");
        YNode.Map merged = ComposeMerge.merge(wrap(base), wrap(own));
        return (YNode.Map) ((YNode.Map) merged.get("services")).get("x");
    }

    private YNode.Map extendsFile(Path file, YNode.Map ref, String path, Canon canon) {
        if (!Files.isRegularFile(file)) {
            throw ComposeErrors.at(ref.get("file"), path + ".file", "the file " + file + " does not exist",
                    "give the path of a compose file, relative to this file");
        }
        return extendsFiles.computeIfAbsent(file, f -> (YNode.Map) longForm(f, canon).get("services"));
    }

    private static YNode.Map wrap(YNode.Map service) {
        YNode.Map services = YNode.map(service.mark()).put("x", service);
        return YNode.map(service.mark()).put("services", services);
    }

    private YNode.Map withIncludes(YNode.Map model, YNode node, Canon canon, Deque<Path> includes) {
        YNode.Seq entries = Canon.seq(node, "include");
        YNode.Map combined = model;
        for (int i = 0; i < entries.items().size(); i++) {
            YNode entry = entries.items().get(i);
            String p = Canon.item("include", i);
            List<Path> paths = new ArrayList<>();
            Path projectDir = null;
            List<Path> envFiles = new ArrayList<>();
            if (entry instanceof YNode.Map m) {
                Canon.onlyKeys(m, p, Set.of("path", "project_directory", "env_file"));
                if (!m.has("path")) {
                    throw ComposeErrors.at(m, p, "an include needs a 'path'", "add 'path: other/compose.yaml'");
                }
                Canon.strings(m.get("path"), p + ".path").items().forEach(x -> paths.add(
                        canon.resolve(Canon.text(x))));
                if (m.has("project_directory")) {
                    projectDir = canon.resolve(Canon.string(m.get("project_directory"), p + ".project_directory"));
                }
                if (m.has("env_file")) {
                    Canon.strings(m.get("env_file"), p + ".env_file").items().forEach(x -> envFiles.add(
                            canon.resolve(Canon.text(x))));
                }
            } else {
                paths.add(canon.resolve(Canon.string(entry, p)));
            }
            for (Path included : paths) {
                if (!Files.isRegularFile(included)) {
                    throw ComposeErrors.at(entry, p, "the included file " + included + " does not exist",
                            "give the path of a compose file, relative to this file");
                }
                if (includes.contains(included)) {
                    List<String> chain = new ArrayList<>(includes.stream().map(Path::toString).toList());
                    java.util.Collections.reverse(chain);
                    chain.add(included.toString());
                    throw ComposeErrors.at(entry, p, "include cycle detected: " + String.join(" -> ", chain),
                            "remove the include that leads back to an including file");
                }
            }
            Path dir = projectDir != null ? projectDir : paths.get(0).getParent();
            Map<String, String> includedEnv = ProjectEnv.included(dir, envFiles, canon.env);
            Canon includedCanon = new Canon(dir, includedEnv::get);
            YNode.Map included = null;
            for (Path f : paths) {
                YNode.Map one = loadFile(f, includedCanon, includes);
                included = included == null ? one : ComposeMerge.merge(included, one);
            }
            combined = addIncluded(combined, included, entry, p);
        }
        return combined;
    }

    /** Resources of an included project join this one; defining the same service twice is an error. */
    private static YNode.Map addIncluded(YNode.Map model, YNode.Map included, YNode entry, String path) {
        for (String kind : new String[] {"services", "networks", "volumes", "secrets", "configs"}) {
            if (!(included.get(kind) instanceof YNode.Map theirs)) {
                continue;
            }
            if (!(model.get(kind) instanceof YNode.Map ours)) {
                model.put(kind, theirs);
                continue;
            }
            for (var e : theirs.entries().entrySet()) {
                if (ours.has(e.getKey())) {
                    if (kind.equals("services") || !ComposeMerge.sameValue(ours.get(e.getKey()), e.getValue())) {
                        throw ComposeErrors.at(ours.keyMark(e.getKey()), kind + "." + e.getKey(), kind + "."
                                + e.getKey() + " conflicts with the one imported by " + path,
                                "rename one of them, or use extends instead of include");
                    }
                    continue;
                }
                ours.put(e.getKey(), e.getValue(), theirs.keyMark(e.getKey()));
            }
        }
        return model;
    }

    /** Used by the assembler: the parsed lines of an env file, with bare keys from the project's variables. */
    static Map<String, String> readEnvFile(Path file, Function<String, String> env, YNode at, String path) {
        try {
            return EnvFile.parse(Files.readString(file), env);
        } catch (java.io.IOException e) {
            throw ComposeErrors.at(at, path, "env file " + file + " cannot be read: " + e.getMessage(),
                    "check the path (relative to the compose file)");
        } catch (EnvFile.Failure e) {
            throw new dev.berth.InvalidComposeFileException(file, e.line(), 1, null, e.getMessage(),
                    "write NAME=value lines");
        }
    }

}
