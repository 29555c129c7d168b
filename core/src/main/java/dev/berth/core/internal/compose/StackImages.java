package dev.berth.core.internal.compose;

import dev.berth.DockerException;
import dev.berth.ImageInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code docker compose build} and {@code docker compose pull} over a loaded project. */
final class StackImages {
    private static final Logger LOG = LoggerFactory.getLogger(StackImages.class);

    private StackImages() {
    }

    /** Builds every service with a {@code build} section, tagged with its image name (Compose's default tag). */
    static void build(StackEngine engine, ComposeModel model, ServiceSpecs specs) {
        for (ComposeModel.Service service : model.services().values()) {
            if (service.build() != null) {
                build(engine, specs, service);
            }
        }
    }

    /** {@code docker compose run}'s default: services with a {@code build} section whose image is missing are built. */
    static void buildMissing(StackEngine engine, ServiceSpecs specs, List<ComposeModel.Service> services) {
        for (ComposeModel.Service service : services) {
            if (service.build() != null && engine.images().find(specs.imageName(service)).isEmpty()) {
                build(engine, specs, service);
            }
        }
    }

    private static void build(StackEngine engine, ServiceSpecs specs, ComposeModel.Service service) {
        Path inline = null;
        try {
            if (service.build().dockerfileInline() != null) {
                inline = Files.createTempFile("berth-compose-", ".Dockerfile");
                Files.writeString(inline, service.build().dockerfileInline());
            }
            engine.images().build(specs.build(service, inline));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the inline Dockerfile of " + service.name(), e);
        } finally {
            deleteQuietly(inline);
        }
    }

    /**
     * Pulls the image of every service that has one and no {@code build} section (those are built, not pulled),
     * side by side as Compose does; a service's {@code platform:} is pulled for that platform.
     */
    static void pull(StackEngine engine, ComposeModel model, ServiceSpecs specs) {
        List<Future<?>> pulls = new ArrayList<>();
        for (ComposeModel.Service service : model.services().values()) {
            if (service.build() == null && service.image() != null) {
                pulls.add(engine.background().submit(() -> pull(engine, service.name(), specs.imageName(service),
                        service.process().platform())));
            }
        }
        ServiceLauncher.joinAll(pulls, "pulling the stack's images");
    }

    /** One service's image; {@code platform} null pulls the engine's own. */
    static void pull(StackEngine engine, String service, String image, String platform) {
        if (platform == null) {
            engine.images().pull(image);
            return;
        }
        ImageInfo pulled;
        try {
            pulled = engine.images().pullPlatform(image, platform);
        } catch (DockerException e) {
            throw ServicePlatform.failed(service, image, platform, e);
        }
        ServicePlatform.check(service, image, platform, pulled);
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", file, e.getMessage());
        }
    }
}
