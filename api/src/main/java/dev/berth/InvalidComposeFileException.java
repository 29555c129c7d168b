package dev.berth;

import java.nio.file.Path;

/** A compose file breaks a rule; the message starts with file:line:column. Nothing was created. */
public class InvalidComposeFileException extends InvalidSpecException {
    private final Path file;
    private final int line;
    private final int column;

    /**
     * @param file the compose file
     * @param line the 1-based line
     * @param column the 1-based column
     * @param problem the rule broken
     * @param fix how to fix it
     */
    public InvalidComposeFileException(Path file, int line, int column, String problem, String fix) {
        super("compose file", file + ":" + line + ":" + column, problem, fix);
        this.file = file;
        this.line = line;
        this.column = column;
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
