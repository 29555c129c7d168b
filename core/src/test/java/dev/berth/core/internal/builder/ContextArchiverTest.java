package dev.berth.core.internal.builder;

import dev.berth.BuildContext;
import dev.berth.core.internal.archive.TarReader;
import dev.berth.core.internal.archive.TarWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContextArchiverTest {
    @Test
    void ignoredDirectoriesAreNotWalkedAndMemoryFilesWin(@TempDir Path dir) throws Exception {
        for (String file : List.of("src/a.txt", "node_modules/x/y/z.js", "target/classes/A.class", "logs/keep.log",
                "logs/drop.log", "Dockerfile")) {
            Files.createDirectories(dir.resolve(file).getParent());
            Files.writeString(dir.resolve(file), file);
        }
        Files.writeString(dir.resolve(".dockerignore"), "node_modules\ntarget\nlogs\n!logs/keep.log\nDockerfile\n");
        BuildContext context = BuildContext.directory(dir).file("src/a.txt", "from memory");
        var tar = new ByteArrayOutputStream();
        ContextArchiver.Stats stats;
        try (TarWriter writer = new TarWriter(tar)) {
            stats = new ContextArchiver(context, Map.of(), "Dockerfile").write(writer);
        }
        assertEquals(2, stats.skippedDirectories(), "node_modules and target pruned; logs walked for its exception");
        TarReader reader = new TarReader(new ByteArrayInputStream(tar.toByteArray()));
        List<String> files = new ArrayList<>();
        String memory = null;
        for (var entry = reader.next(); entry != null; entry = reader.next()) {
            if (entry.isFile()) {
                files.add(entry.name());
                if (entry.name().equals("src/a.txt")) {
                    memory = new String(reader.content().readAllBytes());
                }
            }
        }
        assertEquals(List.of(".dockerignore", "Dockerfile", "logs/keep.log", "src/a.txt"), files.stream().sorted()
                .toList());
        assertEquals("from memory", memory);
    }
}
