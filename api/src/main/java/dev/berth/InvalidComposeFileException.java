package dev.berth;

import java.nio.file.Path;

/** A compose file breaks a rule; the message starts with file:line:column. Nothing was created. */
public class InvalidComposeFileException extends InvalidSpecException {
    private final Path file;
    private final int line;
    private final int column;

    public InvalidComposeFileException(Path file, int line, int column, String problem, String fix) {
        super("compose file", file + ":" + line + ":" + column, problem, fix);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public Path file() {
        return file;
    }

    /** 1-based. */
    public int line() {
        return line;
    }

    /** 1-based. */
    public int column() {
        return column;
    }
}
