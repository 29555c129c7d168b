package dev.berth.core;

import dev.berth.BuildFailedException;
import dev.berth.BuildSpec;
import dev.berth.Filter;
import dev.berth.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a build leaves on the engine: a failed one nothing of its own and never its base image; a multi-stage one
 * the untagged last image of each earlier stage (the classic builder keeps them), which closing the image removes.
 * Each image is found by a label only this test writes, so builds running beside it never count.
 */
class BuildLeftoversTest extends EngineTest {
    @TempDir
    Path dir;

    private BuildSpec dockerfile(String text, String tag) throws IOException {
        Path context = Files.createDirectories(dir.resolve(UUID.randomUUID().toString()));
        Files.writeString(context.resolve("Dockerfile"), text);
        var spec = BuildSpec.context(context);
        return tag == null ? spec : spec.tag(tag);
    }

    private static int withLabel(String key, String value) {
        return docker.images().list(Filter.none().label(key, value)).size();
    }

    @Test
    void aFailedBuildRemovesItsLayersButNeverItsBaseImage() throws IOException {
        String u = UUID.randomUUID().toString().substring(0, 8);
        // a base with exactly one tag: removing it by id would untag and delete it
        try (Image base = docker.images().build(dockerfile("FROM " + TestImages.BUSYBOX + "\nLABEL berth.test.base="
                + u + "\n", "berth-test/base-" + u + ":1"))) {
            BuildSpec failing = dockerfile("FROM " + base.reference() + "\nLABEL berth.test.layer=" + u
                    + "\nRUN exit 3\n", null);
            var e = assertThrows(BuildFailedException.class, () -> docker.images().build(failing));
            assertTrue(e.error().contains("non-zero code: 3"), e.error());
            assertEquals(0, withLabel("berth.test.layer", u), "the failed build's own layers are removed");
            assertTrue(docker.images().find(base.reference()).isPresent(), "the base image is kept");
        }
    }

    @Test
    void closingAMultiStageImageRemovesTheStageImagesItsBuildMade() throws IOException {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String text = "FROM " + TestImages.BUSYBOX + " AS build\nLABEL berth.test.stage=" + u
                + "\nRUN echo " + u + " > /x\nFROM " + TestImages.BUSYBOX + "\nCOPY --from=build /x /x\n";
        try (Image image = docker.images().build(dockerfile(text, "berth-test/stages-" + u + ":1"))) {
            assertEquals(1, docker.images().list(Filter.none().dangling(true).label("berth.test.stage", u)).size(),
                    "the classic builder keeps the build stage as an untagged image, as docker build does");
        }
        assertEquals(0, withLabel("berth.test.stage", u), "closing the image removed its build stage too");
    }
}
