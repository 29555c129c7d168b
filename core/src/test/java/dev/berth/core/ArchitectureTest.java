package dev.berth.core;

import dev.berth.core.internal.engine.Engine;
import dev.berth.spi.DockerProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps core's layering as docs/ARCHITECTURE.md draws it: each package imports only the layers below its own, read
 * from the source files' imports (and fully qualified names); no file grows past 400 lines; the module hides all.
 */
class ArchitectureTest {
    /** Bottom to top; a package may use any package of a lower layer, none of its own layer or above. */
    static final List<Set<String>> LAYERS = List.of(
            Set.of("internal.transport", "internal.text"),
            Set.of("internal.archive", "internal.engine"),
            Set.of("internal.wait", "internal.builder"),
            Set.of("internal.images"),
            Set.of("internal.containers"),
            Set.of("internal.objects"),
            Set.of("internal.compose", "internal.swarm"),
            Set.of("internal"),
            Set.of(""));
    private static final Pattern PACKAGE = Pattern.compile("^package dev\\.berth\\.core((?:\\.\\w+)*);",
            Pattern.MULTILINE);
    /** An import or a fully qualified use of a core type: the package is everything before the capitalised name. */
    private static final Pattern USE = Pattern.compile("\\bdev\\.berth\\.core((?:\\.[a-z]\\w*)*)\\.[A-Z]");
    private static final Path SOURCES = Path.of("src/main/java/dev/berth/core");
    /**
     * Files known to be over the limit, each with who splits it. An entry must go once its file is split: the test
     * fails while a listed file is already small enough.
     */
    private static final Map<String, String> BEING_SPLIT = Map.of(
            "ComposeParser.java", "issue 8: YAML node access, interpolation and key mapping apart");

    @Test
    void everyPackageImportsOnlyTheLayersBelowIt() {
        List<String> against = new ArrayList<>();
        for (Map.Entry<Path, String> file : sources().entrySet()) {
            String text = file.getValue();
            Matcher own = PACKAGE.matcher(text);
            assertTrue(own.find(), "no package line in " + file.getKey());
            String from = strip(own.group(1));
            int fromLayer = layer(from, file.getKey());
            Matcher use = USE.matcher(text.substring(own.end()));
            while (use.find()) {
                String to = strip(use.group(1));
                if (!to.equals(from) && layer(to, file.getKey()) >= fromLayer) {
                    against.add(file.getKey().getFileName() + " (" + show(from) + ") uses " + show(to));
                }
            }
        }
        assertEquals(List.of(), against.stream().distinct().toList(), "imports against the layering (see"
                + " docs/ARCHITECTURE.md); move the code down, or pass what it needs in");
    }

    @Test
    void noCoreSourceFileIsOver400Lines() {
        List<String> wrong = new ArrayList<>();
        sources().forEach((path, text) -> {
            long lines = text.lines().count();
            boolean listed = BEING_SPLIT.containsKey(path.getFileName().toString());
            if (lines > 400 && !listed) {
                wrong.add(path + ": " + lines + " lines; split it by concern");
            } else if (lines <= 400 && listed) {
                wrong.add(path + ": " + lines + " lines now; remove it from BEING_SPLIT");
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void theModuleExportsNothingAndProvidesTheEngine() {
        Module core = Engine.class.getModule();
        assertTrue(core.isNamed(), "core must run as the named module dev.berth.core (module-info.java)");
        ModuleDescriptor descriptor = core.getDescriptor();
        assertEquals("dev.berth.core", descriptor.name());
        assertEquals(Set.of(), descriptor.exports(), "core exports nothing: users see only the api module");
        assertTrue(descriptor.provides().stream().anyMatch(p -> p.service().equals(DockerProvider.class.getName())
                && p.providers().equals(List.of(BerthDockerProvider.class.getName()))), descriptor.toString());
        assertEquals("dev.berth", DockerProvider.class.getModule().getName());
    }

    @Test
    void theLayersNameEveryPackage() {
        Set<String> packages = new TreeSet<>();
        sources().values().forEach(text -> {
            Matcher own = PACKAGE.matcher(text);
            if (own.find()) {
                packages.add(strip(own.group(1)));
            }
        });
        Set<String> layered = new TreeSet<>();
        LAYERS.forEach(layered::addAll);
        assertEquals(layered, packages);
    }

    private static String strip(String dottedSuffix) {
        return dottedSuffix.startsWith(".") ? dottedSuffix.substring(1) : dottedSuffix;
    }

    private static String show(String pkg) {
        return pkg.isEmpty() ? "dev.berth.core" : "dev.berth.core." + pkg;
    }

    private static int layer(String pkg, Path where) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        throw new AssertionError(show(pkg) + " (used in " + where + ") has no layer: add it to LAYERS and to"
                + " docs/ARCHITECTURE.md");
    }

    private static Map<Path, String> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            Map<Path, String> texts = new TreeMap<>();
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                texts.put(file, Files.readString(file));
            }
            assertTrue(texts.size() > 50, "read the sources from " + SOURCES.toAbsolutePath());
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
