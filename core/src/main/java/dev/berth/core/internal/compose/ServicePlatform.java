package dev.berth.core.internal.compose;

import dev.berth.DockerException;
import dev.berth.ImageInfo;
import dev.berth.ImagePullException;
import java.util.Locale;
import java.util.Map;

/**
 * A service's {@code platform:} ({@code os[/arch[/variant]]}) when its image is pulled. The engine pulls a
 * single-platform image whatever platform was asked for and only warns ("was found but does not match the specified
 * platform", both engines here), and Compose's {@code pull} passes that on as success; a container of that image
 * then fails at create (28.5). Berth compares the pulled image with the platform and fails at the pull, naming the
 * service, image and platform.
 */
final class ServicePlatform {
    /** The names the engine and {@code uname -m} use for the same architecture. */
    private static final Map<String, String> ARCH_ALIASES = Map.of("x86_64", "amd64", "x86-64", "amd64",
            "aarch64", "arm64", "armhf", "arm", "armel", "arm", "i386", "386", "i686", "386");

    private ServicePlatform() {
    }

    /** Whether an image of {@code os}/{@code architecture} is what {@code platform} asks for (variant not compared). */
    static boolean matches(String platform, String os, String architecture) {
        String[] parts = platform.toLowerCase(Locale.ROOT).split("/");
        if (!parts[0].equals(lower(os))) {
            return false;
        }
        return parts.length < 2 || arch(parts[1]).equals(arch(lower(architecture)));
    }

    /** Checks what a platform pull brought; throws when it is another platform. */
    static void check(String service, String image, String platform, ImageInfo pulled) {
        if (!matches(platform, pulled.os(), pulled.architecture())) {
            throw new ImagePullException("Service '" + service + "' wants image " + image + " for platform "
                    + platform + ", but the registry has it only for " + pulled.os() + "/" + pulled.architecture()
                    + " (the engine pulled that one). Fix: use an image published for " + platform
                    + ", or remove 'platform: " + platform + "' from service " + service + ".", null);
        }
    }

    /** A failed platform pull, named by service, image and platform (the engine's words kept as the cause). */
    static ImagePullException failed(String service, String image, String platform, DockerException e) {
        return new ImagePullException("Service '" + service + "': pulling image " + image + " for platform "
                + platform + " failed: " + e.getMessage() + " Fix: check that the registry publishes " + image
                + " for " + platform + " and that the platform is written os[/arch[/variant]], e.g. linux/amd64.",
                e);
    }

    private static String arch(String arch) {
        return ARCH_ALIASES.getOrDefault(arch, arch);
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
