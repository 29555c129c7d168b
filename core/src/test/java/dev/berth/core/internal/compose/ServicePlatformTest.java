package dev.berth.core.internal.compose;

import dev.berth.ImageInfo;
import dev.berth.ImagePullException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServicePlatformTest {
    @Test
    void comparesOsAndArchitectureUnderEitherName() {
        assertTrue(ServicePlatform.matches("linux/amd64", "linux", "amd64"));
        assertTrue(ServicePlatform.matches("linux/x86_64", "linux", "amd64"), "uname -m's name for amd64");
        assertTrue(ServicePlatform.matches("Linux/AMD64", "linux", "amd64"));
        assertTrue(ServicePlatform.matches("linux", "linux", "arm64"), "no architecture: any");
        assertTrue(ServicePlatform.matches("linux/arm64/v8", "linux", "aarch64"), "the variant is not compared");
        assertFalse(ServicePlatform.matches("linux/arm64", "linux", "amd64"));
        assertFalse(ServicePlatform.matches("windows/amd64", "linux", "amd64"));
        assertFalse(ServicePlatform.matches("linux/amd64", null, null));
    }

    @Test
    void anImageOfAnotherPlatformIsATypedErrorNamingServiceImageAndPlatform() {
        ImageInfo amd64 = new ImageInfo("sha256:1", List.of("busybox:1.36"), List.of(), 1, Instant.EPOCH, Map.of(),
                List.of(), null, List.of(), List.of(), null, List.of(), "amd64", "linux");
        assertDoesNotThrow(() -> ServicePlatform.check("tool", "busybox:1.36", "linux/amd64", amd64));
        ImagePullException e = assertThrows(ImagePullException.class,
                () -> ServicePlatform.check("tool", "busybox:1.36", "linux/arm64", amd64));
        assertTrue(e.getMessage().contains("'tool'") && e.getMessage().contains("busybox:1.36")
                && e.getMessage().contains("linux/arm64") && e.getMessage().contains("linux/amd64")
                && e.getMessage().contains("Fix:"), e.getMessage());
    }
}
