package dev.berth.core.internal.compose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The variables a project is interpolated with, by Compose's precedence: the {@code .env} of the project directory
 * (or the env files given instead, like {@code --env-file}), overridden by the process environment, overridden by
 * {@code StackSpec.env(...)}.
 */
final class ProjectEnv {
    private ProjectEnv() {
    }

    static Map<String, String> of(Path projectDir, List<Path> envFiles, Map<String, String> process,
            Map<String, String> extra) {
        Map<String, String> outer = new LinkedHashMap<>(process);
        outer.putAll(extra);
        Map<String, String> env = new LinkedHashMap<>(dotEnv(projectDir, envFiles, outer::get));
        env.putAll(outer);
        return env;
    }

    /** An included project: its own .env (or env_file) under the including project's variables. */
    static Map<String, String> included(Path dir, List<Path> envFiles, Function<String, String> parent) {
        Map<String, String> env = new LinkedHashMap<>(dotEnv(dir, envFiles, parent));
        return new LinkedHashMap<>(env) {
            @Override
            public String get(Object key) {
                String outer = parent.apply((String) key);
                return outer != null ? outer : super.get(key);
            }
        };
    }

    private static Map<String, String> dotEnv(Path dir, List<Path> envFiles, Function<String, String> lookup) {
        Map<String, String> values = new LinkedHashMap<>();
        List<Path> files = envFiles.isEmpty() ? List.of(dir.resolve(".env")) : envFiles;
        for (Path file : files) {
            if (envFiles.isEmpty() && !Files.isRegularFile(file)) {
                continue;
            }
            if (!Files.isRegularFile(file)) {
                throw ComposeErrors.file(file, "the env file does not exist", "check the path given to envFile(...)");
            }
            Function<String, String> scope = name -> values.containsKey(name) ? values.get(name) : lookup.apply(name);
            YNode at = YNode.scalar(null, new YNode.Mark(file, 1, 1));
            values.putAll(ComposeLoader.readEnvFile(file, scope, at, file.getFileName().toString()));
        }
        return values;
    }
}
