package dev.berth.core;

import dev.berth.BerthLabels;
import dev.berth.ConflictException;
import dev.berth.Container;
import dev.berth.ContainerSpec;
import dev.berth.Filter;
import dev.berth.Mount;
import dev.berth.Volume;
import dev.berth.VolumeNotFoundException;
import dev.berth.VolumeSpec;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VolumesTest extends EngineTest {
    private static String unique() {
        return "berth-vol-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createInspectListMountAndRemove() {
        String tag = UUID.randomUUID().toString();
        try (Volume v = docker.volumes().create(VolumeSpec.named(unique()).label("berth.test", tag)
                .option("type", "tmpfs").option("device", "tmpfs").option("o", "size=8m"))) {
            var info = v.inspect();
            assertEquals("local", info.driver());
            assertEquals(tag, info.labels().get("berth.test"));
            assertEquals("true", info.labels().get(BerthLabels.MANAGED));
            assertEquals("tmpfs", info.options().get("type"));
            assertEquals(1, docker.volumes().list(Filter.none().label("berth.test", tag)).size());
            assertEquals(v.name(), docker.volumes().get(v.name()).name());

            try (Container writer = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX)
                    .command("sleep", "300").mount(v, "/data"))) {
                writer.exec("sh", "-c", "echo kept > /data/f");
                try (Container reader = docker.containers().run(ContainerSpec.of(TestImages.BUSYBOX)
                        .command("sleep", "300").mount(Mount.volume(v.name(), "/ro").asReadOnly()))) {
                    assertEquals("kept", reader.exec("cat", "/ro/f").stdout().strip());
                    assertNotEquals(0, reader.exec("touch", "/ro/x").exitCode());
                }
                var e = assertThrows(ConflictException.class, v::remove);
                assertTrue(e.getMessage().contains(writer.name()), e.getMessage());
                assertTrue(e.getMessage().contains("in use"), e.getMessage());
            }
            v.remove();
            assertThrows(VolumeNotFoundException.class, v::inspect);
            assertFalse(docker.volumes().find(v.name()).isPresent());
        }
    }

    @Test
    void generatedNameAndPrune() {
        String tag = UUID.randomUUID().toString();
        Volume anonymous = docker.volumes().create(VolumeSpec.anonymous().label("berth.test", tag));
        Volume other = docker.volumes().create(VolumeSpec.named(unique()));
        try {
            assertTrue(anonymous.name().length() >= 32, anonymous.name());
            var report = docker.volumes().prune(Filter.none().label("berth.test", tag));
            assertEquals(java.util.List.of(anonymous.name()), report.volumes());
            assertTrue(docker.volumes().find(other.name()).isPresent(), "other volumes are left alone");
        } finally {
            anonymous.close();
            other.close();
        }
    }

    @Test
    void missingVolumeAndBadNameAreTyped() {
        assertThrows(VolumeNotFoundException.class, () -> docker.volumes().get("berth-no-such-volume"));
        assertThrows(dev.berth.InvalidSpecException.class, () -> VolumeSpec.named("bad name"));
    }
}
