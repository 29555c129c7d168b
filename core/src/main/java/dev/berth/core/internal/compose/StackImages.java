package dev.berth.core.internal.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
            if (service.build() == null) {
                continue;
            }
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
    }

    /** Pulls the image of every service that has one and no {@code build} section (those are built, not pulled). */
    static void pull(StackEngine engine, ComposeModel model, ServiceSpecs specs) {
        for (ComposeModel.Service service : model.services().values()) {
            if (service.build() == null && service.image() != null) {
                engine.images().pull(specs.imageName(service));
            }
        }
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
