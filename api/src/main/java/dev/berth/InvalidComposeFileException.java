package dev.berth;

import java.nio.file.Path;

/**
 * A compose file breaks a rule; the message starts with file:line:column and names the key path
 * ({@code services.web.ports[1]}) and a fix. Nothing was created.
 */
public class InvalidComposeFileException extends InvalidSpecException {
    private final Path file;
    private final int line;
    private final int column;
    private final String keyPath;

    /**
     * @param file the compose file
     * @param line the 1-based line
     * @param column the 1-based column
     * @param problem the rule broken
     * @param fix how to fix it
     */
    public InvalidComposeFileException(Path file, int line, int column, String problem, String fix) {
        this(file, line, column, null, problem, fix);
    }

    /**
     * {@code keyPath} is where in the file's structure, e.g. {@code services.web.ports[1]} (null: the whole file).
     *
     * @param file the compose file
     * @param line the 1-based line
     * @param column the 1-based column
     * @param keyPath the key path, or null
     * @param problem the rule broken
     * @param fix how to fix it
     */
    public InvalidComposeFileException(Path file, int line, int column, String keyPath, String problem, String fix) {
        super("compose file", file + ":" + line + ":" + column, keyPath == null ? problem : keyPath + ": " + problem,
                fix);
        this.file = file;
        this.line = line;
        this.column = column;
        this.keyPath = keyPath;
    }

    /**
     * The key path of the offending value, e.g. {@code services.web.ports[1]}; null for file-level problems.
     *
     * @return the key path, or null
     */
    public String keyPath() {
        return keyPath;
    }

    /**
     * The compose file with the problem.
     *
     * @return its path
     */
    public Path file() {
        return file;
    }

    /**
     * The line of the problem.
     *
     * @return 1-based
     */
    public int line() {
        return line;
    }

    /**
     * The column of the problem.
     *
     * @return 1-based
     */
    public int column() {
        return column;
    }
}
