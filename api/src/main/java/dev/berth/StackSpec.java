package dev.berth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A compose application to bring up: the compose file and the project name (default: the file's directory name, as
 * {@code docker compose} does). The file is read and checked by {@code docker.stacks().up(spec)} before anything is
 * created. Immutable.
 */
public record StackSpec(Path composeFile, String projectName) {
    public StackSpec {
        if (composeFile == null || !Files.isRegularFile(composeFile)) {
            throw new InvalidSpecException("compose file", composeFile, "the file does not exist",
                    "pass the path of your docker-compose.yml");
        }
        composeFile = composeFile.toAbsolutePath().normalize();
        if (projectName != null && !projectName.matches("[a-z0-9][a-z0-9_-]*")) {
            throw new InvalidSpecException("project name", projectName,
                    "a project name is lowercase letters, digits, '_' and '-', starting with a letter or digit",
                    "e.g. \"shop\" or \"shop-test\"");
        }
    }

    /** {@code docker compose -f FILE}. */
    public static StackSpec fromCompose(Path composeFile) {
        return new StackSpec(composeFile, null);
    }

    /** {@code docker compose -p NAME}. */
    public StackSpec projectName(String name) {
        return new StackSpec(composeFile, name);
    }

    /** The name Compose would use when none is given: the directory name, lowercased, other characters dropped. */
    public static String defaultProjectName(Path composeFile) {
        Path dir = composeFile.toAbsolutePath().getParent();
        String raw = dir == null || dir.getFileName() == null ? "default" : dir.getFileName().toString();
        String name = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
        return name.isEmpty() || !Character.isLetterOrDigit(name.charAt(0)) ? "default" : name;
    }
}
