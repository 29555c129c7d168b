package dev.berth.core.internal.compose;

import dev.berth.InvalidComposeFileException;
import java.nio.file.Path;

/** Every loader error: file:line:column of the offending node, its key path, the problem and a fix. */
final class ComposeErrors {
    private ComposeErrors() {
    }

    static InvalidComposeFileException at(YNode node, String path, String problem, String fix) {
        return at(node.mark(), path, problem, fix);
    }

    static InvalidComposeFileException at(YNode.Mark mark, String path, String problem, String fix) {
        return new InvalidComposeFileException(mark.file(), mark.line(), mark.column(), path, problem, fix);
    }

    static InvalidComposeFileException file(Path file, String problem, String fix) {
        return new InvalidComposeFileException(file, 1, 1, null, problem, fix);
    }
}
